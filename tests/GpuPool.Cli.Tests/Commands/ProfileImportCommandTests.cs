using GpuPool.Cli.Tests.Support;
using GpuPool.Operator.Resources;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli.Tests.Commands;

/// <summary>`gpupool profile import` on hand-made exports in the tools' own formats (Fixtures/ncu-raw.csv, Fixtures/dcgm-samples.csv).</summary>
public sealed class ProfileImportCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    /// <summary>Kernel (in launch order), counter, and its value from the fixture's cell (units row applied).</summary>
    public static TheoryData<int, string, double> NcuCounters => new()
    {
        { 0, "avg_dram_bw", 0.125 },            // dram__throughput 12.5 %
        { 0, "dram_busy", 0.142 },              // dram__cycles_active 14.2 %
        { 0, "comp_busy", 0.884 },              // sm__inst_issued 88.4 %
        { 0, "sp_busy", 0.86 },                 // FMA pipe 86.0 %
        { 0, "l2_miss_rate", 0.177 },           // 1 - L2 hit rate 82.3 %
        { 1, "l1D_miss_rate", 1.0 },            // 1 - L1 hit rate 0 %
        { 1, "l2_bw_gbps", 1204.9 },            // "1,204.9" Gbyte/second
        { 1, "ipc", 240.7 },
        { 1, "scoreboard_cycles", 12.8 },
        { 1, "sm__warps_active.avg.pct_of_peak_sustained_active", 92.5 }, // unmapped: kept as reported
    };

    /// <summary>A cell of the fixture replaced (line, old text, new text), and the position and field the error must name.</summary>
    public static TheoryData<int, string, string, string> BadNcuCells => new()
    {
        { 6, "\"86.4\"", "\"lots\"", "ncu-raw.csv:6:13: field 'dram__throughput.avg.pct_of_peak_sustained_elapsed'" },
        { 4, "\"usecond\"", "\"furlong\"", "ncu-raw.csv:4:14: field 'gpu__time_duration.sum': unit 'furlong' is not a time" },
        { 3, "\"launch__grid_size\"", "\"launch__grid\"", "ncu-raw.csv:3:34: field 'launch__grid_size': required column is missing" },
        { 5, "\"1,024\"", "\"0\"", "ncu-raw.csv:5:17: field 'launch__grid_size': gridBlocks must be positive" },
        { 6, "\"2,998.1\"", "\"\"", "ncu-raw.csv:6:14: field 'gpu__time_duration.sum': must not be empty" },
    };

    /// <summary>A DCGM sample cell replaced (line, column index, new text) and the error's start.</summary>
    public static TheoryData<int, int, string, string> BadDcgmCells => new()
    {
        // A percentage where DCGM writes a ratio.
        { 3, 2, "85", "dcgm-samples.csv:3:3: field 'DCGM_FI_PROF_SM_ACTIVE': 85 must be in [0, 1]" },
        { 2, 4, "lots", "dcgm-samples.csv:2:5: field 'DCGM_FI_DEV_FB_USED': 'lots' is not a finite number" },
    };

    [Theory]
    [MemberData(nameof(NcuCounters))]
    public void An_ncu_export_becomes_a_GpuProfile_with_the_model_counters_mapped(int kernel, string counter, double expected)
    {
        var profile = ImportNcu();

        var kernels = profile.Spec.Kernels!;
        Assert.Equal(["sgemm_128x128", "void triad<float>(float*, const float*, const float*, float)", "sgemm_128x128#2"], kernels.Select(k => k.Id));
        Assert.Equal(expected, kernels[kernel].Counters![counter], 9);
    }

    [Fact]
    public void Geometry_and_time_are_read_in_the_units_row_s_units()
    {
        var sgemm = ImportNcu().Spec.Kernels![0];

        Assert.Equal((1024, 256, 96, 32768), (sgemm.GridBlocks, sgemm.ThreadsPerBlock, sgemm.RegistersPerThread, sgemm.SharedMemoryPerBlockBytes));
        Assert.Equal(4012.8e-6, sgemm.IsolatedSeconds, 12);
        // A metric ncu could not collect (n/a) is left out, not read as 0.
        Assert.False(ImportNcu().Spec.Kernels![2].Counters!.ContainsKey("tensor_busy"));
    }

    [Fact]
    public void The_data_set_written_beside_it_loads_with_the_same_kernels()
    {
        var directory = _files.Path("dataset");

        var (code, _, error) = CliRun.Invoke("profile", "import", "--ncu", Fixture.Path("ncu-raw.csv"), "--out", _files.Path("p.yaml"), "--dataset-out", directory);

        Assert.True(code == 0, error);
        var data = DatasetLoader.Load(directory);
        var yaml = Read(_files.Path("p.yaml")).Spec.Kernels!;
        Assert.Equal(yaml.Select(k => k.Id), data.Profiles.Select(p => p.Id));
        Assert.All(data.Profiles.Zip(yaml), p => Assert.Equal(p.Second.Counters!["avg_dram_bw"], p.First.Counter("avg_dram_bw")));
        Assert.Empty(data.Pairs);
    }

    [Theory]
    [MemberData(nameof(BadNcuCells))]
    public void A_bad_ncu_cell_exits_2_naming_file_line_column_and_field(int line, string cell, string replacement, string expected)
    {
        var lines = File.ReadAllLines(Fixture.Path("ncu-raw.csv"));
        var at = lines[line - 1].IndexOf(cell, StringComparison.Ordinal);
        Assert.True(at >= 0, $"fixture line {line} lacks {cell}");
        lines[line - 1] = string.Concat(lines[line - 1].AsSpan(0, at), replacement, lines[line - 1].AsSpan(at + cell.Length));
        var path = _files.Path("ncu-raw.csv");
        File.WriteAllLines(path, lines);

        var (code, output, error) = CliRun.Invoke("profile", "import", "--ncu", path);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: {expected}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DCGM_samples_become_one_job_level_kernel_of_their_means()
    {
        var (code, output, error) = CliRun.Invoke("profile", "import", "--dcgm", Fixture.Path("dcgm-samples.csv"), "--name", "resnet", "--step-seconds", "0.25");

        Assert.True(code == 0, error);
        var job = Assert.Single(Parse(output).Spec.Kernels!);
        Assert.Equal("resnet", job.Id);
        Assert.Equal(0.25, job.IsolatedSeconds);
        var counters = job.Counters!;
        Assert.Equal(0.85, counters["comp_busy"], 9);
        Assert.Equal(0.35, counters["avg_dram_bw"], 9);
        Assert.Equal(0.55, counters["tensor_busy"], 9);
        Assert.Equal(12288, counters["memory_mib"]);
        Assert.Equal(0.45, counters["DCGM_FI_PROF_SM_OCCUPANCY"], 9);
        Assert.False(counters.ContainsKey("timestamp"));
    }

    [Theory]
    [MemberData(nameof(BadDcgmCells))]
    public void A_bad_DCGM_cell_exits_2_naming_file_line_column_and_field(int line, int column, string replacement, string expected)
    {
        var lines = File.ReadAllLines(Fixture.Path("dcgm-samples.csv"));
        var fields = lines[line - 1].Split(',');
        fields[column] = replacement;
        lines[line - 1] = string.Join(',', fields);
        var path = _files.Path("dcgm-samples.csv");
        File.WriteAllLines(path, lines);

        var (code, _, error) = CliRun.Invoke("profile", "import", "--dcgm", path, "--step-seconds", "0.25");

        Assert.Equal(2, code);
        Assert.StartsWith($"error: {expected}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--step-seconds: required with --dcgm", "--dcgm", "dcgm-samples.csv")]
    [InlineData("give exactly one of --ncu and --dcgm", "--ncu", "ncu-raw.csv", "--dcgm", "dcgm-samples.csv")]
    [InlineData("--name: 'Bad_Name' is not a valid metadata.name", "--ncu", "ncu-raw.csv", "--name", "Bad_Name")]
    public void A_bad_option_exits_2_naming_it(string expected, params string[] args)
    {
        var resolved = args.Select(a => a.EndsWith(".csv", StringComparison.Ordinal) ? Fixture.Path(a) : a);

        var (code, _, error) = CliRun.Invoke(["profile", "import", .. resolved]);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private static GpuProfile ImportNcu()
    {
        var (code, output, error) = CliRun.Invoke("profile", "import", "--ncu", Fixture.Path("ncu-raw.csv"), "--name", "train-step");
        Assert.True(code == 0, error);
        return Parse(output);
    }

    private static GpuProfile Parse(string yaml) => Assert.Single(Manifests.Read<GpuProfile>(new StringReader(yaml), GpuPoolApi.ProfileKind, "import"));

    private static GpuProfile Read(string path)
    {
        using var reader = new StreamReader(path);
        return Assert.Single(Manifests.Read<GpuProfile>(reader, GpuPoolApi.ProfileKind, path));
    }
}
