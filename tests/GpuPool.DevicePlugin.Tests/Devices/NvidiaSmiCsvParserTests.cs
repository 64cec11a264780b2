using GpuPool.DevicePlugin.Devices;

namespace GpuPool.DevicePlugin.Tests.Devices;

public sealed class NvidiaSmiCsvParserTests
{
    [Fact]
    public void Parses_the_captured_fixture_with_health_from_the_ecc_column()
    {
        var csv = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "nvidia-smi-query-gpu.csv"));

        var rows = NvidiaSmiCsvParser.Parse(csv);

        Assert.Equal([0, 1, 2, 3], rows.Select(r => r.Index));
        Assert.Equal("GPU-1f3a8c52-6b1e-4e0a-9d2c-5a7b3c9e1f01", rows[0].Uuid);
        Assert.All(rows, r => Assert.Equal(("Tesla V100-SXM2-32GB", 32768L), (r.Name, r.MemoryMiB)));
        Assert.Equal([true, true, false, false], rows.Select(r => r.Healthy));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "0, GPU-a, Tesla T4, 15360", "expected 5 fields" },
        { "x, GPU-a, Tesla T4, 15360, 0", "field 'index' is 'x'" },
        { "0, 1234, Tesla T4, 15360, 0", "field 'uuid' is '1234'" },
        { "0, GPU-a, , 15360, 0", "field 'name'" },
        { "0, GPU-a, Tesla T4, 15 GB, 0", "field 'memory.total' is '15 GB'" },
        { "0, GPU-a, Tesla T4, 15360, many", "field 'ecc.errors.uncorrected.volatile.total' is 'many'" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_line_fails_naming_line_and_field(string line, string expected)
    {
        var csv = "1, GPU-ok, Tesla T4, 15360, 0\n" + line + "\n";

        var error = Assert.Throws<FormatException>(() => NvidiaSmiCsvParser.Parse(csv, "gpus.csv"));

        Assert.Contains("gpus.csv line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_index_is_an_error()
    {
        var error = Assert.Throws<FormatException>(() => NvidiaSmiCsvParser.Parse("0, GPU-a, T4, 1, 0\n0, GPU-b, T4, 1, 0"));

        Assert.Contains("GPU index 0 appears more than once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tesla V100-SXM2-32GB", 80)]
    [InlineData("NVIDIA A100-SXM4-40GB", 108)]
    [InlineData("NVIDIA A10", 72)]
    [InlineData("NVIDIA H100 PCIe", 114)]
    [InlineData("NVIDIA H100 80GB HBM3", 132)]
    public void Known_products_map_to_their_sm_count(string name, int smCount) => Assert.Equal(smCount, KnownSmCounts.For(name));
}
