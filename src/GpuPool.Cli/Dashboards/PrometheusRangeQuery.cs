using System.Globalization;
using System.Text.Json;

namespace GpuPool.Cli.Dashboards;

/// <summary>Prometheus's HTTP query_range API: one expression over a time range, as a matrix of series.</summary>
public sealed class PrometheusRangeQuery(HttpClient http)
{
    public async Task<IReadOnlyList<PanelSeries>> RunAsync(string expression, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["query"] = expression,
            ["start"] = start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["end"] = end.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["step"] = step.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        });
        using var response = await http.PostAsync(new Uri("api/v1/query_range", UriKind.Relative), form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = Parse(body, expression);
        var root = document.RootElement;
        if (!response.IsSuccessStatusCode || root.GetProperty("status").GetString() != "success")
        {
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : response.ReasonPhrase;
            throw new InvalidDataException($"Prometheus refused '{expression}': {error}");
        }

        return [.. root.GetProperty("data").GetProperty("result").EnumerateArray().Select(series => new PanelSeries(
            series.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal),
            [.. series.GetProperty("values").EnumerateArray().Select(v => (v[0].GetDouble(), Value(v[1].GetString())))]))];
    }

    // Prometheus sends values as strings, NaN and +Inf included.
    private static double Value(string? text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text ?? "NaN", NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static JsonDocument Parse(string body, string expression)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Prometheus answered '{expression}' with no JSON: {body[..Math.Min(body.Length, 200)]}", e);
        }
    }
}
