using k8s.Models;

namespace GpuPool.Operator.Fitting;

/// <summary>
/// The <see cref="PodDemand"/> of a GpuJob's pod, from its template: the operator adds no CPU,
/// memory or toleration of its own (PodBuilder copies the template's), so the template says it all.
/// </summary>
public static class PodDemandReader
{
    public static PodDemand Of(V1PodTemplateSpec? template) => new(
        PodRequests.Of(template?.Spec),
        [.. (template?.Spec?.Tolerations ?? []).Select(t => new PodToleration(t.Key, t.OperatorProperty, t.Value, t.Effect))]);
}
