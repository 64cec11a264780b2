using GpuPool.Cli.SimRun;
using GpuPool.Contracts;
using GpuPool.Contracts.Workloads;
using GpuPool.Core.Sharing;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;
using k8s.Models;

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

    [Fact]
    public void Reads_what_the_operator_writes_into_the_pod()
    {
        KernelSpec[] kernels =
        [
            new() { Id = "gemm", GridBlocks = 160, ThreadsPerBlock = 256, RegistersPerThread = 64, SharedMemoryPerBlockBytes = 4096, IsolatedSeconds = 0.02, Counters = new Dictionary<string, double> { ["ipc"] = 2.5 } },
            new() { Id = "stream", GridBlocks = 80, ThreadsPerBlock = 128, IsolatedSeconds = 0.005 },
        ];
        var job = new GpuJob
        {
            Metadata = new V1ObjectMeta { Name = "train", NamespaceProperty = "team-a" },
            Spec = new GpuJobSpec { Kernels = kernels, QosTarget = 0.5, Iterations = 7 },
        };
        var placement = new Placement(job, kernels, "node-1", 0, "GPU-0", "team-a/etl", SharingSetting.Even, 0.8, 50);

        var workload = WorkloadParser.Parse(PodBuilder.Annotations(placement)[PodAnnotations.Workload], "pod");

        Assert.Equal(("team-a/train", 7), (workload.Job, workload.Iterations));
        Assert.Equal(
            kernels.Select(k => (k.Id ?? "", k.GridBlocks, k.ThreadsPerBlock, k.RegistersPerThread, k.SharedMemoryPerBlockBytes, k.IsolatedSeconds, k.Counters?.Count ?? 0)),
            workload.Kernels.Select(k => (k.Id, k.Geometry.GridBlocks, k.Geometry.ThreadsPerBlock, k.Geometry.RegistersPerThread, k.Geometry.SharedMemoryPerBlockBytes, k.IsolatedSeconds, k.Counters.Count)));
        Assert.Equal(2.5, workload.Kernels[0].Counters["ipc"]);
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
