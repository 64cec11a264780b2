using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Placement;

/// <summary>
/// A decision for one pending job: the GPU it runs on, its partner (pending or already running)
/// if any, the setting seen from this job, and the NP predicted for it (null when unpredicted).
/// </summary>
public sealed record Assignment(Job Job, GpuId Gpu, Job? Partner, SharingSetting Setting, double? PredictedNp)
{
    public bool IsShared => Partner is not null;
}
