using GpuPool.Core.Gpus;

namespace GpuPool.Simulation.Cluster;

/// <summary>The simulated cluster: how many GPUs, how they sit on nodes, and the scheduling window.</summary>
public sealed record ClusterOptions
{
    public int Gpus { get; init; } = 16;

    public int GpusPerNode { get; init; } = 4;

    public double WindowSeconds { get; init; } = 30;

    public GpuModel GpuModel { get; init; } = GpuModel.V100;

    public void Validate()
    {
        if (Gpus < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Gpus), Gpus, "Gpus must be at least 1.");
        }

        if (GpusPerNode < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(GpusPerNode), GpusPerNode, "GpusPerNode must be at least 1.");
        }

        if (!(WindowSeconds > 0) || double.IsInfinity(WindowSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(WindowSeconds), WindowSeconds, "WindowSeconds must be a positive number.");
        }
    }

    /// <summary>The GPUs, node by node: node-0/0, node-0/1, ...</summary>
    public IReadOnlyList<Gpu> BuildGpus() =>
        Enumerable.Range(0, Gpus).Select(i => new Gpu(new GpuId($"node-{i / GpusPerNode}", i % GpusPerNode), GpuModel)).ToList();
}
