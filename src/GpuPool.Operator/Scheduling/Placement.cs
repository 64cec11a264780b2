using GpuPool.Contracts.Workloads;
using GpuPool.Core.Sharing;
using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// One decision ready to write: the job, its GPU, its partner's key ("" when alone), the setting
/// seen from this job, the predicted NP, and <see cref="Units"/>: the percent of the GPU the pod
/// requests as its GPU resource, which is what the device plugin and the kubelet act on. Pure
/// data; the pod built from it is the durable record.
/// </summary>
public sealed record Placement(
    GpuJob Job,
    IReadOnlyList<KernelSpec> Kernels,
    string Node,
    int GpuIndex,
    string? GpuUuid,
    string Partner,
    SharingSetting Setting,
    double? PredictedNp,
    int Units);
