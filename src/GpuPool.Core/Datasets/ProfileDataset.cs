using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Core.Datasets;

/// <summary>Kernel profiles and measured co-runs on one GPU model: what training and calibration read.</summary>
public sealed record ProfileDataset(GpuModel Gpu, IReadOnlyList<KernelProfile> Profiles, IReadOnlyList<KernelPairMeasurement> Pairs)
{
    public KernelProfile Profile(string id) =>
        Profiles.FirstOrDefault(p => p.Id == id) ?? throw new KeyNotFoundException($"No profile with id '{id}' in the data set.");
}
