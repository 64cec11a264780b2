using System.Globalization;
using GpuPool.Contracts;
using GpuPool.Contracts.Workloads;
using GpuPool.Operator.Resources;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Builds the pod of a <see cref="Placement"/>: the GPU container requests "&lt;prefix&gt;-&lt;index&gt;"
/// with the placement's units (the handoff to the device plugin), the annotations record the
/// decision, and the informational ones reach the container through its own env (downward API).
/// </summary>
public static class PodBuilder
{
    /// <summary>Env the pod maps from its annotations, so the device plugin need not read the pod.</summary>
    public static IReadOnlyDictionary<string, string> AnnotationEnv { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ContainerEnv.SharingMode] = PodAnnotations.SharingMode,
        [ContainerEnv.Partner] = PodAnnotations.Partner,
        [ContainerEnv.PredictedNp] = PodAnnotations.PredictedNp,
    };

    public static V1Pod Build(Placement placement, string schedulerName, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var job = placement.Job;
        var template = KubernetesJson.Deserialize<V1PodTemplateSpec>(KubernetesJson.Serialize(job.Spec.Template ?? new V1PodTemplateSpec()));
        var spec = template.Spec ?? new V1PodSpec();
        spec.SchedulerName = schedulerName;
        spec.NodeName = null;
        AddGpuLimit(spec.Containers ?? [], resourcePrefix, placement);

        var labels = new Dictionary<string, string>(template.Metadata?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [GpuPoolApi.JobNameLabel] = job.Metadata.Name,
        };
        var annotations = new Dictionary<string, string>(template.Metadata?.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in Annotations(placement))
        {
            annotations[key] = value;
        }

        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = GpuPoolApi.PodName(job.Metadata.Name),
                NamespaceProperty = job.Metadata.NamespaceProperty,
                Labels = labels,
                Annotations = annotations,
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = GpuPoolApi.ApiVersion,
                        Kind = GpuPoolApi.JobKind,
                        Name = job.Metadata.Name,
                        Uid = job.Metadata.Uid,
                        BlockOwnerDeletion = true,
                        Controller = true,
                    },
                ],
            },
            Spec = spec,
        };
    }

    /// <summary>The contract's annotations, plus the operator's own node and setting records.</summary>
    public static IReadOnlyDictionary<string, string> Annotations(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var setting = placement.Setting;
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PodAnnotations.GpuIndex] = placement.GpuIndex.ToString(CultureInfo.InvariantCulture),
            [PodAnnotations.Partner] = placement.Partner,
            [PodAnnotations.SharingMode] = SharingAnnotation.Mode(setting),
            [PodAnnotations.Share] = SharingAnnotation.Number(setting.ShareA),
            [PodAnnotations.MpsActiveThreadPercentage] = placement.Units.ToString(CultureInfo.InvariantCulture),
            [PodAnnotations.GpuMemoryMiB] = placement.Job.Spec.GpuMemoryMiB.ToString(CultureInfo.InvariantCulture),
            [PodAnnotations.PredictedNp] = placement.PredictedNp is { } np ? SharingAnnotation.Number(np) : string.Empty,
            [PodAnnotations.Workload] = Workload(placement),
            [PodAnnotations.Node] = placement.Node,
            [PodAnnotations.Setting] = setting.ToString(),
        };
        if (placement.GpuUuid is { Length: > 0 } uuid)
        {
            annotations[PodAnnotations.GpuUuid] = uuid;
        }

        return annotations;
    }

    private static string Workload(Placement placement) =>
        new WorkloadDocument(placement.Job.Key, placement.Job.Spec.Iterations, placement.Kernels).ToJson();

    /// <summary>
    /// The first container that asks for a GPU (the bare prefix or any "&lt;prefix&gt;-i") is the GPU
    /// container, the first container when none asks. It alone gets the chosen GPU's units: the
    /// kubelet would add up a second container's, and the share is one process's. Every other
    /// GPU request is dropped, since no node advertises it.
    /// </summary>
    private static void AddGpuLimit(IList<V1Container> containers, string prefix, Placement placement)
    {
        var gpuContainer = containers.FirstOrDefault(c => Asks(c, prefix)) ?? containers.FirstOrDefault();
        foreach (var container in containers)
        {
            RemoveGpuRequests(container.Resources?.Limits, prefix);
            RemoveGpuRequests(container.Resources?.Requests, prefix);
        }

        if (gpuContainer is null)
        {
            return;
        }

        gpuContainer.Resources ??= new V1ResourceRequirements();
        gpuContainer.Resources.Limits ??= new Dictionary<string, ResourceQuantity>();
        gpuContainer.Resources.Limits[GpuResources.Name(prefix, placement.GpuIndex)] = new ResourceQuantity(placement.Units.ToString(CultureInfo.InvariantCulture));
        gpuContainer.Env ??= [];
        foreach (var (variable, annotation) in AnnotationEnv.Where(e => !gpuContainer.Env.Any(v => v.Name == e.Key)))
        {
            gpuContainer.Env.Add(new V1EnvVar
            {
                Name = variable,
                ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = $"metadata.annotations['{annotation}']" } },
            });
        }
    }

    private static bool Asks(V1Container container, string prefix) =>
        IsGpuResource(container.Resources?.Limits, prefix) || IsGpuResource(container.Resources?.Requests, prefix);

    private static bool IsGpuResource(IDictionary<string, ResourceQuantity>? resources, string prefix) =>
        resources?.Keys.Any(k => k == prefix || GpuResources.IndexOf(prefix, k) is not null) == true;

    private static void RemoveGpuRequests(IDictionary<string, ResourceQuantity>? resources, string prefix)
    {
        foreach (var key in resources?.Keys.Where(k => k == prefix || GpuResources.IndexOf(prefix, k) is not null).ToList() ?? [])
        {
            resources!.Remove(key);
        }
    }
}
