using GpuPool.Simulation.Cluster;

namespace GpuPool.Cli.Output;

/// <summary>
/// The comparison over several seeds. Table: one row per policy, each column "mean (min-max)".
/// JSON: {"seeds":[...], "policies":[{"name","bound", column: {"mean","min","max"}...}],
/// "runs":[{"seed", "policies": as for one seed}]}.
/// </summary>
public static class SeedSweepOutput
{
    public static void WriteTable(IReadOnlyList<int> seeds, IReadOnlyList<IReadOnlyList<PolicyResult>> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(output);
        var spreads = SeedSpread.Of(results);
        var nameWidth = Math.Max(6, spreads.Max(s => s.Name.Length));
        var cells = spreads.Select(s => s.Columns.Select((c, i) => Cell(c, ResultColumns.All[i].Format)).ToList()).ToList();
        var widths = ResultColumns.All.Select((c, i) => cells.Select(row => row[i].Length).Append(c.Header.Length).Max()).ToList();
        output.WriteLine($"seeds {string.Join(", ", seeds)}: mean (min-max) over seeds");
        output.WriteLine("policy".PadRight(nameWidth) + " " + string.Concat(ResultColumns.All.Select((c, i) => "  " + c.Header.PadLeft(widths[i]))));
        for (var p = 0; p < spreads.Count; p++)
        {
            output.WriteLine(spreads[p].Name.PadRight(nameWidth) + " " + string.Concat(cells[p].Select((cell, i) => "  " + cell.PadLeft(widths[i]))));
        }

        output.WriteLine(ResultColumns.Legend);
    }

    public static void WriteJson(IReadOnlyList<int> seeds, IReadOnlyList<IReadOnlyList<PolicyResult>> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(ResultJson.Document(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("seeds");
            foreach (var seed in seeds)
            {
                json.WriteNumberValue(seed);
            }

            json.WriteEndArray();
            json.WriteStartArray("policies");
            foreach (var spread in SeedSpread.Of(results))
            {
                json.WriteStartObject();
                json.WriteString("name", spread.Name);
                json.WriteBoolean("bound", spread.IsBound);
                for (var i = 0; i < ResultColumns.All.Count; i++)
                {
                    json.WriteStartObject(ResultColumns.All[i].JsonName);
                    ResultJson.WriteNumber(json, "mean", spread.Columns[i].Mean);
                    ResultJson.WriteNumber(json, "min", spread.Columns[i].Min);
                    ResultJson.WriteNumber(json, "max", spread.Columns[i].Max);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("runs");
            for (var s = 0; s < seeds.Count; s++)
            {
                json.WriteStartObject();
                json.WriteNumber("seed", seeds[s]);
                ResultJson.WritePolicies(json, results[s]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }

    private static string Cell((double Mean, double Min, double Max) spread, string format) =>
        double.IsFinite(spread.Mean)
            ? $"{ResultTable.Cell(spread.Mean, format)} ({ResultTable.Cell(spread.Min, format)}-{ResultTable.Cell(spread.Max, format)})"
            : "-";
}
