using GpuPool.Core.Contracts;
using GpuPool.Core.Sharing;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Tests.Builders;
using k8s.Models;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>The pod matches the cross-component contract (CONTRACTS.md, "Pod written by the operator").</summary>
public sealed class PodBuilderTests
{
    public static TheoryData<double, string, string, string> Settings => new()
    {
        // share of this job, sharing-mode, share, MPS percentage
        { 1.0, "exclusive", "1", "100" },
        { 0.5, "fine", "0.5", "50" },
        { 0.25, "fine", "0.25", "25" },
        { 0.75, "fine", "0.75", "75" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Annotations_follow_the_contract(double share, string mode, string shareText, string percent)
    {
        var setting = share == 1.0 ? SharingSetting.Exclusive : SharingSetting.Split(share);
        var pod = PodBuilder.Build(Placement(setting, partner: share == 1.0 ? string.Empty : "team-a/b", predicted: share == 1.0 ? null : 0.83), "gpupool", "gpupool.io/gpu");

        var a = pod.Metadata.Annotations;
        Assert.Equal(mode, a[PodAnnotations.SharingMode]);
        Assert.Equal(shareText, a[PodAnnotations.Share]);
        Assert.Equal(percent, a[PodAnnotations.MpsActiveThreadPercentage]);
        Assert.Equal("1", a[PodAnnotations.GpuIndex]);
        Assert.Equal("GPU-x-1", a[PodAnnotations.GpuUuid]);
        Assert.Equal("4096", a[PodAnnotations.GpuMemoryMiB]);
        Assert.Equal(share == 1.0 ? string.Empty : "0.83", a[PodAnnotations.PredictedNp]);
        Assert.Equal(share == 1.0 ? string.Empty : "team-a/b", a[PodAnnotations.Partner]);
        Assert.Equal("node-7", a[PodAnnotations.Node]);
        using var workload = System.Text.Json.JsonDocument.Parse(a[PodAnnotations.Workload]);
        Assert.Equal(("team-a/a", 10, 2), (workload.RootElement.GetProperty("job").GetString(), workload.RootElement.GetProperty("iterations").GetInt32(), workload.RootElement.GetProperty("kernels").GetArrayLength()));
    }

    [Fact]
    public void The_pod_is_named_owned_labelled_and_left_for_the_gpupool_scheduler()
    {
        var placement = Placement(SharingSetting.Even, "team-a/b", 0.9);
        placement.Job.Metadata.Uid = "uid-1";

        var pod = PodBuilder.Build(placement, "gpupool", "gpupool.io/gpu");

        Assert.Equal(("a-gpupool", "team-a"), (pod.Metadata.Name, pod.Metadata.NamespaceProperty));
        var owner = Assert.Single(pod.Metadata.OwnerReferences);
        Assert.Equal(("gpupool.io/v1alpha1", "GpuJob", "a", "uid-1", true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller == true));
        Assert.Equal("a", pod.Metadata.Labels[GpuPoolApi.JobNameLabel]);
        Assert.Equal("gpupool", pod.Spec.SchedulerName);
        Assert.Null(pod.Spec.NodeName);
    }

    public static TheoryData<string[], string[]> Containers => new()
    {
        // containers asking for the resource, containers that get the limit
        { [], ["main"] },
        { ["side"], ["side"] },
        { ["main", "side"], ["main", "side"] },
    };

    [Theory]
    [MemberData(nameof(Containers))]
    public void Containers_asking_for_a_gpu_get_one_slot_and_the_first_gets_it_when_none_asks(string[] asking, string[] limited)
    {
        var placement = Placement(SharingSetting.Exclusive, string.Empty, null);
        placement.Job.Spec.Template!.Spec.Containers = [.. new[] { "main", "side" }.Select(name => new V1Container
        {
            Name = name,
            Resources = asking.Contains(name)
                ? new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["gpupool.io/gpu"] = new("2") } }
                : null,
        })];

        var pod = PodBuilder.Build(placement, "gpupool", "gpupool.io/gpu");

        var got = pod.Spec.Containers.Where(c => c.Resources?.Limits?.ContainsKey("gpupool.io/gpu") == true).ToList();
        Assert.Equal(limited, got.Select(c => c.Name));
        Assert.All(got, c => Assert.Equal("1", c.Resources.Limits["gpupool.io/gpu"].ToString()));
    }

    private static Placement Placement(SharingSetting setting, string partner, double? predicted)
    {
        var job = Objects.Job("a");
        return new Placement(job, job.Spec.Kernels!, "node-7", 1, "GPU-x-1", partner, setting, predicted, ProfileMissing: false);
    }
}
