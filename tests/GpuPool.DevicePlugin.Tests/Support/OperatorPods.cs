using System.Globalization;
using GpuPool.Contracts;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;
using k8s.Models;

namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>Pods as the operator writes them (owner, label, annotations, the GPU limit, the seal), bound to the plugin's node and not started.</summary>
public static class OperatorPods
{
    public static V1Pod Sealed(string job, int gpuIndex, int units, string key = PluginHost.PlacementKey)
    {
        var pod = Unsealed(job, gpuIndex, units);
        new PlacementSeal(key, GpuResources.DefaultPrefix).Apply(pod);
        return pod;
    }

    public static V1Pod Unsealed(string job, int gpuIndex, int units) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = GpuPoolApi.PodName(job),
            NamespaceProperty = "team-a",
            Labels = new Dictionary<string, string> { [GpuPoolApi.JobNameLabel] = job },
            Annotations = new Dictionary<string, string>
            {
                [PodAnnotations.GpuIndex] = gpuIndex.ToString(CultureInfo.InvariantCulture),
                [PodAnnotations.SharingMode] = units == GpuResources.UnitsPerGpu ? "exclusive" : "fine",
                [PodAnnotations.Share] = SharingAnnotation.Number(units / 100.0),
                [PodAnnotations.Node] = PluginHost.NodeName,
            },
            OwnerReferences = [new V1OwnerReference { ApiVersion = GpuPoolApi.ApiVersion, Kind = GpuPoolApi.JobKind, Name = job, Uid = "uid-" + job, Controller = true }],
        },
        Spec = new V1PodSpec
        {
            NodeName = PluginHost.NodeName,
            Containers =
            [
                new V1Container
                {
                    Name = "main",
                    Image = "gpupool:dev",
                    Resources = new V1ResourceRequirements
                    {
                        Limits = new Dictionary<string, ResourceQuantity> { [GpuResources.Name(GpuResources.DefaultPrefix, gpuIndex)] = new(units.ToString(CultureInfo.InvariantCulture)) },
                    },
                },
            ],
        },
        Status = new V1PodStatus { Phase = "Pending" },
    };
}
