using GpuPool.Cli.SimRun;

namespace GpuPool.Cli.Tests.SimRun;

public sealed class WorkloadParserTests
{
    private const string Kernel = """{"id":"k","gridBlocks":80,"threadsPerBlock":256,"registersPerThread":32,"sharedMemoryPerBlockBytes":0,"isolatedSeconds":0.01,"counters":{"ipc":100}}""";

    [Fact]
    public void Parses_the_operator_annotation_shape()
    {
        var workload = WorkloadParser.Parse($$"""{"job":"ns/a","iterations":3,"kernels":[{{Kernel}}]}""", "test");

        Assert.Equal(("ns/a", 3), (workload.Job, workload.Iterations));
        var kernel = Assert.Single(workload.Kernels);
        Assert.Equal(("k", 80, 256, 0.01, 100.0), (kernel.Id, kernel.Geometry.GridBlocks, kernel.Geometry.ThreadsPerBlock, kernel.IsolatedSeconds, kernel.Counters["ipc"]));
        Assert.Equal(0.03, workload.IsolatedSeconds, 12);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { $$"""{"iterations":3,"kernels":[{{Kernel}}]}""", "$.job is missing" },
        { $$"""{"job":"ns/a","iterations":0,"kernels":[{{Kernel}}]}""", "$.iterations must be a positive integer" },
        { """{"job":"ns/a","iterations":3,"kernels":[]}""", "$.kernels must list at least one kernel" },
        { """{"job":"ns/a","iterations":3,"kernels":[{"id":"k","gridBlocks":80,"threadsPerBlock":0,"isolatedSeconds":1}]}""", "$.kernels[0]: threadsPerBlock must be positive" },
        { """{"job":"ns/a","iterations":3,"kernels":[{"id":"k","gridBlocks":80,"threadsPerBlock":64,"isolatedSeconds":0}]}""", "$.kernels[0]: Kernel 'k': isolatedSeconds must be a positive finite number" },
        { """{"job":"ns/a","iterations":3,"kernels":[null]}""", "$.kernels[0] is null" },
        { "{\"job\":\"ns/a\",\n\"iterations\":\"three\"}", "test line 2, column" },
        { "{\"job\":", "test line 1, column" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Rejects_a_malformed_workload_naming_the_field(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => WorkloadParser.Parse(json, "test"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
