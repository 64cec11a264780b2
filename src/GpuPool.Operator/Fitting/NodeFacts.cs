namespace GpuPool.Operator.Fitting;

/// <summary>
/// What a kubelet checks before it admits a pod, read from one Node and the pods on it, as plain
/// values: its Ready condition, the taints that keep pods off, CPU and memory allocatable and
/// already requested, when the kubelet last reported its status (the GPU resources the device
/// plugin registered are part of that status), and the GPUs the inventory annotation lists as
/// healthy for which the kubelet allocates nothing (the device plugin is not registered).
/// </summary>
public sealed record NodeFacts(
    string Name,
    bool Ready,
    IReadOnlyList<NodeTaint> Taints,
    ResourceUse Allocatable,
    ResourceUse Requested,
    DateTimeOffset? StatusReportedAt,
    IReadOnlyList<int> UnadvertisedGpus);
