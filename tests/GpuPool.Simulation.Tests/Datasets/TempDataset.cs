namespace GpuPool.Simulation.Tests.Datasets;

/// <summary>A throw-away data set directory for one test.</summary>
public sealed class TempDataset : IDisposable
{
    public const string Profiles =
        "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes,sp_busy,avg_dram_bw\n" +
        "k1,0.001,1024,160,256,32,0,0.5,0.1\n" +
        "k2,0.002,2048,80,128,64,4096,0.1,0.6\n";

    public const string Pairs = "a,b,quota_a,quota_b,np_a,np_b\nk1,k2,4,4,0.8,0.7\n";

    public const string QuotaProfiles = "id,quota,norm_ipc,sp_busy\nk1,2,0.6,0.3\nk1,4,0.9,0.45\n";

    public TempDataset(IReadOnlyDictionary<string, string> files)
    {
        Directory = Path.Combine(Path.GetTempPath(), "gpupool-ds-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(Directory, name), text);
        }
    }

    public string Directory { get; }

    public static TempDataset GpuPoolLayout(string? profiles = null, string? pairs = null, string? quotas = null, string? gpu = null)
    {
        var files = new Dictionary<string, string> { ["profiles.csv"] = profiles ?? Profiles, ["pairs.csv"] = pairs ?? Pairs };
        if (quotas is not null)
        {
            files["quota_profiles.csv"] = quotas;
        }

        if (gpu is not null)
        {
            files["gpu.csv"] = gpu;
        }

        return new TempDataset(files);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
