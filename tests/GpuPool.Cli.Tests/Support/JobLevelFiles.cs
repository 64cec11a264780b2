using System.Globalization;
using System.Text;
using GpuPool.Core.Datasets;

namespace GpuPool.Cli.Tests.Support;

/// <summary>A job-level data set (GpuPool layout: one profile row per job, one co-run per job pair) written to a temp directory.</summary>
public sealed class JobLevelFiles : IDisposable
{
    public JobLevelFiles(ProfileDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Directory = System.IO.Directory.CreateTempSubdirectory("gpupool-jobs-").FullName;
        var counters = data.Profiles.SelectMany(p => p.Counters.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var profiles = new StringBuilder($"id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes,{string.Join(',', counters)}\n");
        foreach (var p in data.Profiles)
        {
            var g = p.Geometry;
            profiles.Append(Invariant($"{p.Id},{p.IsolatedSeconds:R},0,{g.GridBlocks},{g.ThreadsPerBlock},{g.RegistersPerThread},{g.SharedMemoryPerBlockBytes},"))
                .Append(string.Join(',', counters.Select(c => p.Counter(c).ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        }

        var pairs = new StringBuilder(SyntheticDataset.PairsHeader + "\n");
        foreach (var r in data.Pairs)
        {
            pairs.Append(Invariant($"{r.KernelA},{r.KernelB},{r.QuotaA},{r.QuotaB},{r.NpA:R},{r.NpB:R}\n"));
        }

        File.WriteAllText(Path.Combine(Directory, "profiles.csv"), profiles.ToString());
        File.WriteAllText(Path.Combine(Directory, "pairs.csv"), pairs.ToString());
    }

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
