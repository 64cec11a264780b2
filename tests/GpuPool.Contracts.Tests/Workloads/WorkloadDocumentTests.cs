using System.Text.Json;
using GpuPool.Contracts.Workloads;

namespace GpuPool.Contracts.Tests.Workloads;

/// <summary>The operator writes the workload annotation with <see cref="WorkloadDocument.ToJson"/>; sim-run reads it with <see cref="WorkloadDocument.Parse"/>.</summary>
public sealed class WorkloadDocumentTests
{
    private static readonly KernelSpec Sgemm = new()
    {
        Id = "sgemm",
        GridBlocks = 1024,
        ThreadsPerBlock = 256,
        RegistersPerThread = 64,
        SharedMemoryPerBlockBytes = 8192,
        IsolatedSeconds = 0.0125,
        Counters = new Dictionary<string, double> { ["dram_bw"] = 0.35 },
    };

    // No counters: left out of the JSON, not written as null.
    private static readonly KernelSpec Stream = new()
    {
        Id = "stream",
        GridBlocks = 80,
        ThreadsPerBlock = 128,
        RegistersPerThread = 32,
        SharedMemoryPerBlockBytes = 0,
        IsolatedSeconds = 0.002,
    };

    private static readonly WorkloadDocument TrainSgemm = new("default/train-sgemm", 2000, [Sgemm, Stream]);

    [Fact]
    public void The_operator_writes_the_golden_sample()
    {
        Assert.Equal(Golden.Read("workload.json"), TrainSgemm.ToJson());
    }

    [Fact]
    public void What_the_operator_writes_sim_run_reads_back_unchanged()
    {
        var read = WorkloadDocument.Parse(TrainSgemm.ToJson());

        Assert.NotNull(read);
        Assert.Equal((TrainSgemm.Job, TrainSgemm.Iterations), (read.Job, read.Iterations));
        Assert.Equal(2, read.Kernels!.Count);
        Assert.Equal(Sgemm with { Counters = null }, read.Kernels[0]! with { Counters = null });
        Assert.Equal(Sgemm.Counters, read.Kernels[0]!.Counters);
        Assert.Equal(Stream, read.Kernels[1]);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("""{"iterations":1}""")]
    public void A_document_with_what_missing_is_read_for_the_reader_to_check(string json)
    {
        var read = WorkloadDocument.Parse(json);

        Assert.True(read is null || (read.Job is null && read.Kernels is null));
    }

    [Theory]
    [InlineData("{\"job\":\"a/b\",")]
    [InlineData("""{"job":"a/b","iterations":"many"}""")]
    [InlineData("""{"job":"a/b","iterations":1,"kernels":{}}""")]
    public void A_document_of_the_wrong_shape_is_a_json_error(string json)
    {
        Assert.ThrowsAny<JsonException>(() => WorkloadDocument.Parse(json));
    }
}
