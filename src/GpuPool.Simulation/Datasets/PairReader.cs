using GpuPool.Core.Datasets;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Datasets;

/// <summary>Reads measured co-runs, checking that both kernels are profiled and each run is unique.</summary>
public static class PairReader
{
    public static List<KernelPairMeasurement> Read(CsvTable table, IReadOnlyList<KernelProfile> profiles, PairColumns columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(columns);
        var ids = profiles.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string, string, int, int)>();
        var pairs = new List<KernelPairMeasurement>();
        foreach (var record in table.Records)
        {
            var a = KnownId(record, columns.KernelA, ids);
            var b = KnownId(record, columns.KernelB, ids);
            var quotaA = record.WholeNumber(columns.QuotaA, 1);
            var quotaB = record.WholeNumber(columns.QuotaB, 1);
            if (!seen.Add((a, b, quotaA, quotaB)))
            {
                throw record.Error(columns.KernelA, $"co-run ({CellText.Shorten(a)}, {CellText.Shorten(b)}, {quotaA}, {quotaB}) appears twice.");
            }

            pairs.Add(new KernelPairMeasurement(a, b, quotaA, quotaB, Np(record, columns.NpA), Np(record, columns.NpB)));
        }

        return pairs;
    }

    private static double Np(CsvRecord record, string column) => record.NumberIn(column, DatasetLimits.MinNp, DatasetLimits.MaxNp);

    private static string KnownId(CsvRecord record, string column, HashSet<string> ids)
    {
        var id = record.Text(column);
        return ids.Contains(id) ? id : throw record.Error(column, $"kernel '{CellText.Shorten(id)}' has no profile.");
    }
}
