using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// A kernel alone on a slice of the SMs (MIG-like, the Coarse policy): the slice has
/// floor(share x SMs) SMs and the same share of DRAM bandwidth. Its rate is limited by whichever
/// runs out first: SMs (relative to the SMs its grid fills on the whole GPU) or bandwidth
/// (relative to the bandwidth it used alone). No interference between slices.
/// </summary>
public sealed class SmPartitionModel
{
    private readonly GpuModel _gpu;

    public SmPartitionModel(GpuModel gpu)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        _gpu = gpu;
    }

    public double Rate(KernelProfile kernel, double share)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (!(share > 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "share must be in (0, 1].");
        }

        var sms = Math.Max(1, (int)Math.Floor(share * _gpu.SmCount));
        var perSm = Math.Max(1, kernel.Geometry.MaxBlocksPerSm(_gpu));
        var smsFilled = Math.Min(_gpu.SmCount, (kernel.Geometry.GridBlocks + perSm - 1) / perSm);
        var bySms = Math.Min(1.0, (double)sms / smsFilled);
        var dram = kernel.Counter(CounterNames.DramBandwidth);
        var byBandwidth = dram > share ? share / dram : 1.0;
        return Math.Min(bySms, byBandwidth);
    }
}
