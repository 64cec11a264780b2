using GpuPool.Core.Kernels;

namespace GpuPool.Cli.SimRun;

/// <summary>A validated workload: job name, iterations and kernel profiles.</summary>
internal sealed record Workload(string Job, int Iterations, IReadOnlyList<KernelProfile> Kernels)
{
    public double IsolatedSeconds => Kernels.Sum(k => k.IsolatedSeconds) * Iterations;
}
