using System.Globalization;
using GpuPool.DevicePlugin.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>The plugin's /metrics text, as a scrape sees it (before-collect callbacks run), and samples read from it.</summary>
public static class MetricsScrape
{
    public static async Task<string[]> ScrapeAsync(PluginHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var stream = new MemoryStream();
        await host.Services.GetRequiredService<DevicePluginMetrics>().Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
    }

    /// <summary>The sample of <paramref name="name"/> with <paramref name="label"/> (or no labels); 0 when absent.</summary>
    public static double Value(string[] scrape, string name, string? label)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        var prefix = label is null ? $"{name} " : $"{name}{{{label}}} ";
        var line = scrape.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[prefix.Length..], CultureInfo.InvariantCulture);
    }
}
