using System.Globalization;
using GpuPool.Simulation.Cluster;

namespace GpuPool.Cli.Output;

/// <summary>The policy comparison of one seed as a fixed-width text table, one row per policy (<see cref="ResultColumns"/>).</summary>
public static class ResultTable
{
    public static void Write(IReadOnlyList<PolicyResult> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        var nameWidth = Math.Max(6, results.Max(r => r.Name.Length));
        var columns = ResultColumns.All;
        output.WriteLine("policy".PadRight(nameWidth) + " " + string.Concat(columns.Select(c => " " + c.Header.PadLeft(Width(c)))));
        foreach (var r in results)
        {
            output.WriteLine(r.Name.PadRight(nameWidth) + " " + string.Concat(columns.Select(c => " " + Cell(c.Value(r, results), c.Format).PadLeft(Width(c)))));
        }

        output.WriteLine(ResultColumns.Legend);
    }

    /// <summary>A number in the column's format, or "-" where it does not apply.</summary>
    public static string Cell(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static int Width(ResultColumn column) => Math.Max(column.Header.Length, 8);
}
