using GpuPool.Core.Datasets;
using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Datasets;

/// <summary>
/// Reads the documented GpuPool data set layout (docs/dataset-format.md): profiles.csv, optional
/// quota_profiles.csv, pairs.csv and optional gpu.csv.
/// </summary>
public static class GpuPoolDatasetReader
{
    public const string ProfilesFile = "profiles.csv";
    public const string QuotaProfilesFile = "quota_profiles.csv";
    public const string PairsFile = "pairs.csv";
    public const string GpuFile = "gpu.csv";

    /// <summary>Device memory a job needs, kept among the counters so job builders can read it.</summary>
    public const string MemoryMiBCounter = "memory_mib";

    private static readonly HashSet<string> ProfileColumns =
        ["id", "isolated_seconds", "grid_blocks", "threads_per_block", "registers_per_thread", "shared_memory_per_block_bytes"];

    public static ProfileDataset Read(string directory)
    {
        var gpu = File.Exists(Path.Combine(directory, GpuFile)) ? ReadGpu(CsvTable.Load(Path.Combine(directory, GpuFile))) : GpuModel.V100;
        var quotas = File.Exists(Path.Combine(directory, QuotaProfilesFile))
            ? ReadQuotaCounters(CsvTable.Load(Path.Combine(directory, QuotaProfilesFile)))
            : [];
        var profiles = ReadProfiles(CsvTable.Load(Path.Combine(directory, ProfilesFile)), quotas);
        var pairs = ReadPairs(CsvTable.Load(Path.Combine(directory, PairsFile)), profiles);
        return new ProfileDataset(gpu, profiles, pairs);
    }

    /// <summary>Kernel profiles from a profiles.csv table with no quota counters (e.g. an embedded one).</summary>
    public static IReadOnlyList<KernelProfile> ReadProfiles(CsvTable table) => ReadProfiles(table, []);

    private static List<KernelProfile> ReadProfiles(CsvTable table, Dictionary<string, QuotaCounterSet> quotas)
    {
        table.RequireColumn(MemoryMiBCounter);
        var counters = new CounterColumns(table, ProfileColumns);
        var profiles = new List<KernelProfile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in table.Records)
        {
            var id = record.Text("id");
            if (!seen.Add(id))
            {
                throw record.Error("id", $"kernel id '{CellText.Shorten(id)}' appears twice.");
            }

            record.NumberIn(MemoryMiBCounter, 0, DatasetLimits.MaxMemoryMiB);

            var geometry = new LaunchGeometry(
                record.WholeNumber("grid_blocks", 1),
                record.WholeNumber("threads_per_block", 1),
                record.WholeNumber("registers_per_thread", 0),
                record.WholeNumber("shared_memory_per_block_bytes", 0));
            profiles.Add(new KernelProfile(id, geometry, record.NumberIn("isolated_seconds", DatasetLimits.MinIsolatedSeconds, DatasetLimits.MaxIsolatedSeconds), counters.Read(record), quotas.GetValueOrDefault(id)?.ByQuota));
        }

        foreach (var (id, set) in quotas)
        {
            if (!seen.Contains(id))
            {
                throw set.FirstRecord.Error("id", $"kernel id '{CellText.Shorten(id)}' has no row in {ProfilesFile}.");
            }
        }

        return profiles;
    }

    private static Dictionary<string, QuotaCounterSet> ReadQuotaCounters(CsvTable table) =>
        QuotaCounterSet.Read(table, "id", "quota");

    private static List<KernelPairMeasurement> ReadPairs(CsvTable table, IReadOnlyList<KernelProfile> profiles) =>
        PairReader.Read(table, profiles, new PairColumns("a", "b", "quota_a", "quota_b", "np_a", "np_b"));

    private static GpuModel ReadGpu(CsvTable table)
    {
        if (table.Records.Count != 1)
        {
            throw new DatasetFormatException($"{table.File}:2:1: expected exactly one GPU row, found {table.Records.Count}.");
        }

        var row = table.Records[0];
        try
        {
            return new GpuModel(
                row.Text("name"),
                row.WholeNumber("sm_count", 1),
                row.WholeNumber("max_threads_per_sm", 1),
                row.WholeNumber("max_blocks_per_sm", 1),
                row.WholeNumber("registers_per_sm", 1),
                row.WholeNumber("shared_memory_per_sm_bytes", 1),
                (long)row.NumberIn("memory_mib", 1, DatasetLimits.MaxMemoryMiB));
        }
        catch (ArgumentException e)
        {
            throw new DatasetFormatException($"{table.File}:{row.Line}: {e.Message}", e);
        }
    }
}
