using System.Text.Json;
using GpuPool.Cli.Commands;

namespace GpuPool.Cli.Tests.Commands;

/// <summary>`bench window --format json` is read by scripts: its keys and values must not drift.</summary>
public class WindowMeasurementJsonTests
{
    [Fact]
    public void The_json_has_exactly_the_documented_keys_with_their_values()
    {
        var measurement = new WindowMeasurement(1000, 500, 12.5, 3.25, 1.5, 17.25, 88.0, 4321, 400, 812.75);

        using var json = JsonDocument.Parse(measurement.ToJson());

        var properties = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(
            ["jobs", "gpus", "predictMs", "matchMs", "placeMs", "totalMs", "peakMemMiB", "edges", "pairs", "predictedStp"],
            properties.Keys);
        Assert.Equal([1000, 500, 12.5, 3.25, 1.5, 17.25, 88.0, 4321, 400, 812.75], properties.Values);
    }
}
