using System.Globalization;
using System.Text.Json;
using GpuPool.Core.Contracts;
using GpuPool.Operator.Resources;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Scheduling;

/// <summary>Builds the pod of a <see cref="Placement"/> exactly as the cross-component contract says.</summary>
public static class PodBuilder
{
    private static readonly JsonSerializerOptions _workloadJson = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static V1Pod Build(Placement placement, string schedulerName, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var job = placement.Job;
        var template = KubernetesJson.Deserialize<V1PodTemplateSpec>(KubernetesJson.Serialize(job.Spec.Template ?? new V1PodTemplateSpec()));
        var spec = template.Spec ?? new V1PodSpec();
        spec.SchedulerName = schedulerName;
        spec.NodeName = null;
        AddGpuLimit(spec.Containers ?? [], resourceName);

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

    /// <summary>The contract's annotations, plus the operator's own node, setting and profile-missing records.</summary>
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
            [PodAnnotations.MpsActiveThreadPercentage] = setting.MpsPercentA.ToString(CultureInfo.InvariantCulture),
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

        if (placement.ProfileMissing)
        {
            annotations[PodAnnotations.ProfileMissing] = "true";
        }

        return annotations;
    }

    private static string Workload(Placement placement) => JsonSerializer.Serialize(
        new WorkloadDocument(placement.Job.Key, placement.Job.Spec.Iterations, placement.Kernels),
        _workloadJson);

    /// <summary>Every container that asks for the resource gets exactly one slot; the first one when none asks.</summary>
    private static void AddGpuLimit(IList<V1Container> containers, string resourceName)
    {
        var asking = containers.Where(c => Asks(c, resourceName)).ToList();
        if (asking.Count == 0 && containers.Count > 0)
        {
            asking.Add(containers[0]);
        }

        foreach (var container in asking)
        {
            container.Resources ??= new V1ResourceRequirements();
            container.Resources.Limits ??= new Dictionary<string, ResourceQuantity>();
            container.Resources.Limits[resourceName] = new ResourceQuantity("1");
            if (container.Resources.Requests?.ContainsKey(resourceName) == true)
            {
                container.Resources.Requests[resourceName] = new ResourceQuantity("1");
            }
        }
    }

    private static bool Asks(V1Container container, string resourceName) =>
        container.Resources?.Limits?.ContainsKey(resourceName) == true || container.Resources?.Requests?.ContainsKey(resourceName) == true;

    private sealed record WorkloadDocument(
        [property: System.Text.Json.Serialization.JsonPropertyName("job")] string Job,
        [property: System.Text.Json.Serialization.JsonPropertyName("iterations")] int Iterations,
        [property: System.Text.Json.Serialization.JsonPropertyName("kernels")] IReadOnlyList<KernelSpec> Kernels);
}
