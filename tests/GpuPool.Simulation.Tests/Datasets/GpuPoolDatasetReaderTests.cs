using GpuPool.Simulation.Datasets;

namespace GpuPool.Simulation.Tests.Datasets;

public sealed class GpuPoolDatasetReaderTests
{
    public static TheoryData<string, string, string, string> MalformedFiles => new()
    {
        // file, content, expected location, expected text
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes\nk1,abc,1,1,32,0,0\n", "profiles.csv:2:2", "'isolated_seconds'" },
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread\nk1,1,1,1,32,0\n", "profiles.csv:1:", "'shared_memory_per_block_bytes'" },
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes\nk1,1,1,1,32,0\n", "profiles.csv:2:7", "expected 7 fields" },
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes\nk1,-1,1,1,32,0,0\n", "profiles.csv:2:2", "-1 must be in [1E-07, 1E+06]" },
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes\nk1,1,1,2.5,32,0,0\n", "profiles.csv:2:4", "'grid_blocks'" },
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes\nk1,1,1,1,32,0,0\nk1,1,1,1,32,0,0\n", "profiles.csv:3:1", "appears twice" },
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes,sp_busy\nk1,1,1,1,32,0,0,0.5\nk2,1,1,1,32,0,0,high\n", "profiles.csv:3:8", "'sp_busy'" },
        { "profiles.csv", "", "profiles.csv:1:1", "header row is missing" },
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes\n\"k1,1,1,1,32,0,0\n", "profiles.csv:2:1", "unterminated" },
        { "pairs.csv", "a,b,quota_a,quota_b,np_a,np_b\nk1,k9,4,4,0.8,0.7\n", "pairs.csv:2:2", "'k9' has no profile" },
        { "pairs.csv", "a,b,quota_a,quota_b,np_a,np_b\nk1,k2,0,4,0.8,0.7\n", "pairs.csv:2:3", "at least 1" },
        { "pairs.csv", "a,b,quota_a,quota_b,np_a,np_b\nk1,k2,4,4,0.8,0.7\nk1,k2,4,4,0.5,0.5\n", "pairs.csv:3:1", "appears twice" },
        { "pairs.csv", "a,b,quota_a,quota_b,np_a\nk1,k2,4,4,0.8\n", "pairs.csv:1:", "'np_b'" },
        { "quota_profiles.csv", "id,quota,norm_ipc\nk1,2,0.5\nk1,2,0.6\n", "quota_profiles.csv:3:2", "quota 2 twice" },
        { "quota_profiles.csv", "id,quota,norm_ipc\nk7,2,0.5\n", "quota_profiles.csv:2:1", "no row in profiles.csv" },
        // Out-of-range numbers that once passed (fuzzed): each would overflow calibration or never end a simulation.
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes,ipc\nk1,1,1,1,32,0,0,100\nk2,1,1,1,32,0,0,1e308\n", "profiles.csv:3:8", "beyond the accepted magnitude" },
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes,ipc\nk1,1,1,1,32,0,0,NaN\nk2,1,1,1,32,0,0,5\n", "profiles.csv:2:8", "'NaN' is not a finite number" },
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes,ipc\nk1,1,1,1,32,0,0,-Infinity\n", "profiles.csv:2:8", "'-Infinity' is not a finite number" },
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes\nk1,9223372036854775808,1,1,32,0,0\n", "profiles.csv:2:2", "must be in [1E-07, 1E+06]" },
        { "profiles.csv", "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes\nk1,1,1e308,1,32,0,0\n", "profiles.csv:2:3", "'memory_mib'" },
        { "pairs.csv", "a,b,quota_a,quota_b,np_a,np_b\nk1,k2,4,4,1e308,0.7\n", "pairs.csv:2:5", "must be in [0.001, 2]" },
        { "pairs.csv", "a,b,quota_a,quota_b,np_a,np_b\nk1,k2,4,4,0.8,4.9e-324\n", "pairs.csv:2:6", "must be in [0.001, 2]" },
        { "gpu.csv", "name,sm_count,max_threads_per_sm,max_blocks_per_sm,registers_per_sm,shared_memory_per_sm_bytes,memory_mib\nA100,108,2048,32,65536,167936,1e308\n", "gpu.csv:2:7", "'memory_mib'" },
        { "gpu.csv", "name,sm_count,max_threads_per_sm,max_blocks_per_sm,registers_per_sm,shared_memory_per_sm_bytes,memory_mib\nA100,-108,2048,32,65536,167936,40960\n", "gpu.csv:2:2", "'sm_count'" },
    };

    [Fact]
    public void Reads_profiles_quota_counters_pairs_and_gpu()
    {
        using var data = TempDataset.GpuPoolLayout(
            quotas: TempDataset.QuotaProfiles,
            gpu: "name,sm_count,max_threads_per_sm,max_blocks_per_sm,registers_per_sm,shared_memory_per_sm_bytes,memory_mib\nA100,108,2048,32,65536,167936,40960\n");

        var dataset = DatasetLoader.Load(data.Directory);

        Assert.Equal("A100", dataset.Gpu.Name);
        Assert.Equal(108, dataset.Gpu.SmCount);
        Assert.Equal(["k1", "k2"], dataset.Profiles.Select(p => p.Id));
        var k1 = dataset.Profile("k1");
        Assert.Equal(0.001, k1.IsolatedSeconds);
        Assert.Equal(new(160, 256, 32, 0), k1.Geometry);
        Assert.Equal(0.5, k1.Counter("sp_busy"));
        Assert.Equal(1024, k1.Counter(GpuPoolDatasetReader.MemoryMiBCounter));
        Assert.Equal(0.9, k1.QuotaCounters[4]["norm_ipc"]);
        Assert.Empty(dataset.Profile("k2").QuotaCounters);
        Assert.Equal(new(0.8, 0.7), (dataset.Pairs.Single().NpA, dataset.Pairs.Single().NpB));
    }

    [Fact]
    public void Gpu_defaults_to_the_V100_when_gpu_csv_is_absent()
    {
        using var data = TempDataset.GpuPoolLayout();

        Assert.Equal(Core.Gpus.GpuModel.V100, DatasetLoader.Load(data.Directory).Gpu);
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Malformed_file_is_rejected_naming_file_line_column_and_field(string file, string content, string location, string text)
    {
        var files = new Dictionary<string, string> { ["profiles.csv"] = TempDataset.Profiles, ["pairs.csv"] = TempDataset.Pairs, [file] = content };
        using var data = new TempDataset(files);

        var error = Assert.Throws<DatasetFormatException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith(location, error.Message, StringComparison.Ordinal);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("profiles.csv")]
    [InlineData("pairs.csv")]
    public void Missing_required_file_is_named(string missing)
    {
        using var data = TempDataset.GpuPoolLayout();
        File.Delete(Path.Combine(data.Directory, missing));

        var error = Assert.Throws<DatasetFormatException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_directory_is_named()
    {
        var error = Assert.Throws<DatasetFormatException>(() => DatasetLoader.Load("no-such-dataset-dir"));

        Assert.Contains("no-such-dataset-dir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_bad_field_is_named_not_echoed_whole()
    {
        var huge = new string('x', 10_000_000);
        using var data = TempDataset.GpuPoolLayout(profiles: $"id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes\nk1,{huge},1,1,32,0,0\n");

        var error = Assert.Throws<DatasetFormatException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith("profiles.csv:2:2: field 'isolated_seconds'", error.Message, StringComparison.Ordinal);
        Assert.Contains("(10000000 characters)", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 300, $"message of {error.Message.Length} characters");
    }
}
