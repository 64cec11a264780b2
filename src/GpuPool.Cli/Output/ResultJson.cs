using System.Text.Json;
using GpuPool.Simulation.Cluster;

namespace GpuPool.Cli.Output;

/// <summary>The policy comparison as JSON: {"policies":[{"name","stp","stpPerGpu","qosReached","gpusUsed","makespan","avgJct","p95Jct"}]}.</summary>
public static class ResultJson
{
    public static void Write(IReadOnlyList<PolicyResult> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("policies");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("name", r.Name);
                json.WriteNumber("stp", r.Stp);
                json.WriteNumber("stpPerGpu", r.StpPerGpu);
                json.WriteNumber("qosReached", r.QosReached);
                json.WriteNumber("gpusUsed", r.GpusUsed);
                json.WriteNumber("makespan", r.Makespan);
                json.WriteNumber("avgJct", r.AverageJct);
                json.WriteNumber("p95Jct", r.P95Jct);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
