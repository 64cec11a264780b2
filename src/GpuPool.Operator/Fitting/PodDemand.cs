namespace GpuPool.Operator.Fitting;

/// <summary>What a job's pod asks of a node besides its GPU: CPU and memory requests, and the taints it tolerates.</summary>
public sealed record PodDemand(ResourceUse Requests, IReadOnlyList<PodToleration> Tolerations)
{
    public static PodDemand None { get; } = new(ResourceUse.None, []);
}
