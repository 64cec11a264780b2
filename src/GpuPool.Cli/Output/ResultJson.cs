using System.Text.Json;
using GpuPool.Simulation.Cluster;

namespace GpuPool.Cli.Output;

/// <summary>
/// The policy comparison as JSON. One seed: {"policies":[{"name","bound", then every column of
/// <see cref="ResultColumns"/> in order}]}; a column that does not apply is null.
/// </summary>
public static class ResultJson
{
    public static void Write(IReadOnlyList<PolicyResult> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Document(json =>
        {
            json.WriteStartObject();
            WritePolicies(json, results);
            json.WriteEndObject();
        }));
    }

    /// <summary>Writes "policies": [...] for the results of one seed.</summary>
    public static void WritePolicies(Utf8JsonWriter json, IReadOnlyList<PolicyResult> results)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(results);
        json.WriteStartArray("policies");
        foreach (var r in results)
        {
            json.WriteStartObject();
            json.WriteString("name", r.Name);
            json.WriteBoolean("bound", r.IsBound);
            foreach (var column in ResultColumns.All)
            {
                WriteNumber(json, column.JsonName, column.Value(r, results));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static string Document(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(json);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
