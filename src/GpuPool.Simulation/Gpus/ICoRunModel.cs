using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The simulated GPU's ground truth for kernels: how fast a kernel progresses alone under a
/// thread-block quota, and how fast two kernels progress together under their quotas. Progress is
/// normalized (1 = the kernel's isolated speed on the whole GPU), so a kernel with isolated duration
/// t needs t / rate seconds at that rate.
/// </summary>
public interface ICoRunModel
{
    /// <summary>Progress rate of <paramref name="kernel"/> alone with at most <paramref name="quota"/> blocks per SM.</summary>
    double AloneRate(KernelProfile kernel, int quota);

    /// <summary>Progress rates of <paramref name="a"/> and <paramref name="b"/> co-running with the given quotas.</summary>
    (double RateA, double RateB) CoRunRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB);
}
