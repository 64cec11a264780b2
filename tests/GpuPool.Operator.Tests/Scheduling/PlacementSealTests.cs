using GpuPool.Contracts;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>A seal verifies only on the pod it was written for, as written.</summary>
public sealed class PlacementSealTests
{
    private const string Key = "placement-key-for-seal-tests-0123456789";

    public static TheoryData<string, Action<V1Pod>, bool> Edits => new()
    {
        { "untouched", _ => { }, true },
        { "an unrelated label added", p => p.Metadata.Labels["team"] = "x", true },
        { "requests defaulted from limits (API server)", p => p.Spec.Containers[0].Resources.Requests = new Dictionary<string, ResourceQuantity>(p.Spec.Containers[0].Resources.Limits), true },
        { "units raised in limit and request", p => p.Spec.Containers[0].Resources.Requests = p.Spec.Containers[0].Resources.Limits = new Dictionary<string, ResourceQuantity> { ["gpupool.io/gpu-0"] = new ResourceQuantity("95") }, false },
        { "another GPU requested", p => p.Spec.Containers[0].Resources.Requests = new Dictionary<string, ResourceQuantity> { ["gpupool.io/gpu-1"] = new ResourceQuantity("50") }, false },
        { "partner rewritten", p => p.Metadata.Annotations[PodAnnotations.Partner] = "team-a/victim", false },
        { "share raised", p => p.Metadata.Annotations[PodAnnotations.Share] = "0.95", false },
        { "GPU index changed", p => p.Metadata.Annotations[PodAnnotations.GpuIndex] = "1", false },
        { "a gpupool.io annotation added", p => p.Metadata.Annotations["gpupool.io/extra"] = "x", false },
        { "units raised", p => p.Spec.Containers[0].Resources.Limits["gpupool.io/gpu-0"] = new ResourceQuantity("95"), false },
        { "copied to another name", p => p.Metadata.Name = "other-gpupool", false },
        { "copied to another namespace", p => p.Metadata.NamespaceProperty = "team-b", false },
        { "owner swapped", p => p.Metadata.OwnerReferences[0].Uid = "uid-other", false },
        { "seal removed", p => p.Metadata.Annotations.Remove(PlacementSeal.Annotation), false },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void A_seal_verifies_only_the_pod_as_sealed(string edit, Action<V1Pod> change, bool verifies)
    {
        var seal = new PlacementSeal(Key, GpuResources.DefaultPrefix);
        var pod = Pod();
        seal.Apply(pod);
        var copy = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(pod));

        change(copy);

        Assert.True(seal.Verifies(copy) == verifies, edit);
    }

    [Fact]
    public void A_seal_written_with_another_key_does_not_verify()
    {
        var pod = Pod();
        new PlacementSeal("another-key-of-the-same-length-0123456", GpuResources.DefaultPrefix).Apply(pod);

        Assert.False(new PlacementSeal(Key, GpuResources.DefaultPrefix).Verifies(pod));
    }

    [Fact]
    public void Stripping_keeps_the_pods_gpu_units_and_drops_every_claim()
    {
        var pod = Pod();

        var stripped = UnverifiedClaims.Strip(pod);

        Assert.False(PlacementSeal.Claims(stripped));
        Assert.Equal("50", stripped.Spec.Containers[0].Resources.Limits["gpupool.io/gpu-0"].ToString());
        Assert.Equal("yes", stripped.Metadata.Annotations["other.io/kept"]);
        Assert.True(PlacementSeal.Claims(pod));
    }

    internal static V1Pod Pod() => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "a-gpupool",
            NamespaceProperty = "team-a",
            Labels = new Dictionary<string, string> { [GpuPoolApi.JobNameLabel] = "a" },
            Annotations = new Dictionary<string, string>
            {
                [PodAnnotations.GpuIndex] = "0",
                [PodAnnotations.Partner] = "team-a/b",
                [PodAnnotations.Share] = "0.5",
                [PodAnnotations.Node] = "node-1",
                ["other.io/kept"] = "yes",
            },
            OwnerReferences = [new V1OwnerReference { ApiVersion = GpuPoolApi.ApiVersion, Kind = GpuPoolApi.JobKind, Name = "a", Uid = "uid-a", Controller = true }],
        },
        Spec = new V1PodSpec
        {
            Containers =
            [
                new V1Container
                {
                    Name = "main",
                    Image = "gpupool:dev",
                    Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["gpupool.io/gpu-0"] = new ResourceQuantity("50") } },
                },
            ],
        },
    };
}
