using GpuPool.Core.Datasets;
using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Datasets;

/// <summary>
/// Reads the GPUPool paper artifact's tidy extract: kernels.csv (isolated runs, cycles),
/// kernel_alone_quota.csv (runs alone under a CTA quota) and pairs.csv (co-runs with NP).
/// </summary>
public static class ArtifactDatasetReader
{
    public const string KernelsFile = "kernels.csv";
    public const string QuotaFile = "kernel_alone_quota.csv";
    public const string PairsFile = "pairs.csv";

    /// <summary>The simulated V100's core clock: cycles become seconds through it.</summary>
    public const double CoreClockHz = 1.132e9;

    private static readonly HashSet<string> KernelIdentity = ["kernel_id"];

    public static bool Recognises(string directory) =>
        File.Exists(Path.Combine(directory, KernelsFile)) && File.Exists(Path.Combine(directory, QuotaFile)) && File.Exists(Path.Combine(directory, PairsFile));

    public static ProfileDataset Read(string directory)
    {
        var quotaTable = CsvTable.Load(Path.Combine(directory, QuotaFile));
        var quotas = QuotaCounterSet.Read(quotaTable, "kernel_id", "cta_quota");
        var profiles = ReadKernels(CsvTable.Load(Path.Combine(directory, KernelsFile)), quotas);
        var pairs = PairReader.Read(
            CsvTable.Load(Path.Combine(directory, PairsFile)),
            profiles,
            new PairColumns("kernel_a", "kernel_b", "ctas_a", "ctas_b", "np_a", "np_b"));
        return new ProfileDataset(GpuModel.V100, profiles, pairs);
    }

    private static List<KernelProfile> ReadKernels(CsvTable table, Dictionary<string, QuotaCounterSet> quotas)
    {
        var counters = new CounterColumns(table, KernelIdentity);
        var profiles = new List<KernelProfile>();
        foreach (var record in table.Records)
        {
            var id = record.Text("kernel_id");
            if (profiles.Any(p => p.Id == id))
            {
                throw record.Error("kernel_id", $"kernel id '{CellText.Shorten(id)}' appears twice.");
            }

            var geometry = new LaunchGeometry(
                record.WholeNumber("grid", 1),
                record.WholeNumber("block", 1),
                record.WholeNumber("regs_per_thread", 0),
                record.WholeNumber("smem_per_block_bytes", 0));
            var seconds = record.NumberIn("iso_runtime_cycles", DatasetLimits.MinIsolatedSeconds * CoreClockHz, DatasetLimits.MaxIsolatedSeconds * CoreClockHz) / CoreClockHz;
            profiles.Add(new KernelProfile(id, geometry, seconds, counters.Read(record), quotas.GetValueOrDefault(id)?.ByQuota));
        }

        var unknown = quotas.FirstOrDefault(q => profiles.All(p => p.Id != q.Key));
        if (unknown.Value is not null)
        {
            throw unknown.Value.FirstRecord.Error("kernel_id", $"kernel '{CellText.Shorten(unknown.Key)}' has no row in {KernelsFile}.");
        }

        return profiles;
    }
}
