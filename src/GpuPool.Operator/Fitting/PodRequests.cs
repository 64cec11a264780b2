using k8s.Models;

namespace GpuPool.Operator.Fitting;

/// <summary>
/// The CPU and memory a pod spec requests as kube-scheduler counts them: the larger of its
/// containers' sum and its largest init container, plus its overhead. A container with limits and
/// no requests requests its limits (the API server defaults them so).
/// </summary>
public static class PodRequests
{
    public static ResourceUse Of(V1PodSpec? spec)
    {
        if (spec is null)
        {
            return ResourceUse.None;
        }

        var running = (spec.Containers ?? []).Select(Of).Aggregate(ResourceUse.None, ResourceUse.Add);
        foreach (var init in (spec.InitContainers ?? []).Select(Of))
        {
            running = new ResourceUse(Math.Max(running.MilliCpu, init.MilliCpu), Math.Max(running.MemoryBytes, init.MemoryBytes));
        }

        return running + Amounts(spec.Overhead);
    }

    private static ResourceUse Of(V1Container container)
    {
        var requests = Amounts(container.Resources?.Requests);
        var limits = Amounts(container.Resources?.Limits);
        return new ResourceUse(
            container.Resources?.Requests?.ContainsKey("cpu") == true ? requests.MilliCpu : limits.MilliCpu,
            container.Resources?.Requests?.ContainsKey("memory") == true ? requests.MemoryBytes : limits.MemoryBytes);
    }

    /// <summary>The cpu and memory entries of a resource list (cpu rounded up to whole millicores).</summary>
    public static ResourceUse Amounts(IDictionary<string, ResourceQuantity>? resources) => new(
        resources?.TryGetValue("cpu", out var cpu) == true ? (long)Math.Ceiling(cpu.ToDecimal() * 1000) : 0,
        resources?.TryGetValue("memory", out var memory) == true ? (long)Math.Ceiling(memory.ToDecimal()) : 0);
}
