using GpuPool.Simulation.Datasets;

namespace GpuPool.Simulation.Tests.Datasets;

public sealed class ArtifactDatasetReaderTests
{
    private const string Kernels = "kernel_id,suite,grid,block,regs_per_thread,smem_per_block_bytes,iso_runtime_cycles,sp_busy,sim_config\nk_a,S,80,256,32,0,1132000,0.4,V100-X\nk_b,S,160,128,16,1024,2264000,0.2,V100-X\n";
    private const string Quotas = "kernel_id,cta_quota,norm_ipc,sp_busy,gpusim_version\nk_a,1,0.5,0.2,v1\nk_b,2,0.7,0.1,v1\n";
    private const string Pairs = "gpu_config,kernel_a,kernel_b,ctas_a,ctas_b,np_a,np_b\nV100,k_a,k_b,1,2,0.6,0.9\n";

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "kernels.csv", Kernels.Replace("1132000", "x", StringComparison.Ordinal), "kernels.csv:2:7" },
        { "kernels.csv", Kernels.Replace("0.2,V100", "?,V100", StringComparison.Ordinal), "kernels.csv:3:8" },
        { "kernel_alone_quota.csv", Quotas.Replace("k_b,2", "k_z,2", StringComparison.Ordinal), "kernel_alone_quota.csv:3:1" },
        { "pairs.csv", Pairs.Replace(",1,2,", ",1,two,", StringComparison.Ordinal), "pairs.csv:2:5" },
    };

    [Fact]
    public void Maps_cycles_to_seconds_and_every_numeric_column_to_a_counter()
    {
        using var data = Artifact(Kernels, Quotas, Pairs);

        var dataset = DatasetLoader.Load(data.Directory);

        var a = dataset.Profile("k_a");
        Assert.Equal(0.001, a.IsolatedSeconds, 12);
        Assert.Equal(new(80, 256, 32, 0), a.Geometry);
        Assert.Equal(0.4, a.Counter("sp_busy"));
        Assert.False(a.Counters.ContainsKey("sim_config"));
        Assert.Equal(0.5, a.QuotaCounters[1]["norm_ipc"]);
        Assert.False(a.QuotaCounters[1].ContainsKey("gpusim_version"));
        Assert.Equal(new Core.Datasets.KernelPairMeasurement("k_a", "k_b", 1, 2, 0.6, 0.9), dataset.Pairs.Single());
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_artifact_file_names_its_cell(string file, string content, string location)
    {
        var files = new Dictionary<string, string> { ["kernels.csv"] = Kernels, ["kernel_alone_quota.csv"] = Quotas, ["pairs.csv"] = Pairs, [file] = content };
        using var data = new TempDataset(files);

        var error = Assert.Throws<DatasetFormatException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith(location, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loads_the_real_artifact()
    {
        var dataset = DatasetLoader.Load(SharedData.Artifact);

        Assert.Equal(19, dataset.Profiles.Count);
        Assert.Equal(578, dataset.Pairs.Count);
        Assert.Equal(128, dataset.Profiles.Sum(p => p.QuotaCounters.Count));
        Assert.Equal(97339 / ArtifactDatasetReader.CoreClockHz, dataset.Profile("cut_sgemm-0").IsolatedSeconds, 12);
        Assert.All(dataset.Pairs, p => Assert.InRange(p.NpA, 0.05, 1.2));
    }

    /// <summary>The real artifact, loaded once per test run.</summary>
    public static Core.Datasets.ProfileDataset LoadArtifact() => Loaded.Value;

    private static readonly Lazy<Core.Datasets.ProfileDataset> Loaded = new(() => DatasetLoader.Load(SharedData.Artifact));

    private static TempDataset Artifact(string kernels, string quotas, string pairs) =>
        new(new Dictionary<string, string> { ["kernels.csv"] = kernels, ["kernel_alone_quota.csv"] = quotas, ["pairs.csv"] = pairs });
}
