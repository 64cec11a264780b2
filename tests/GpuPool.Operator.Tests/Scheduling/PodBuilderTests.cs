using GpuPool.Contracts;
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

    public static TheoryData<string[], string> Containers => new()
    {
        // containers asking for a GPU (bare prefix or a per-GPU resource), the GPU container
        { [], "main" },
        { ["side"], "side" },
        { ["main", "side"], "main" },
    };

    [Theory]
    [MemberData(nameof(Containers))]
    public void One_container_requests_the_chosen_gpus_units_and_maps_the_annotations_into_its_env(string[] asking, string gpuContainer)
    {
        var placement = Placement(SharingSetting.Split(0.6), "team-a/b", 0.9) with { GpuIndex = 3, Units = 60 };
        placement.Job.Spec.Template!.Spec.Containers = [.. new[] { "main", "side" }.Select(name => new V1Container
        {
            Name = name,
            Resources = asking.Contains(name)
                ? new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { [name == "main" ? "gpupool.io/gpu" : "gpupool.io/gpu-0"] = new("2") } }
                : null,
        })];

        var pod = PodBuilder.Build(placement, "gpupool", "gpupool.io/gpu");

        var gpu = pod.Spec.Containers.Select(c => (c.Name, Limits: c.Resources?.Limits?.Where(l => l.Key.StartsWith("gpupool.io/gpu", StringComparison.Ordinal)).ToList() ?? []))
            .Where(c => c.Limits.Count > 0)
            .ToList();
        var (name, limits) = Assert.Single(gpu);
        Assert.Equal(gpuContainer, name);
        var limit = Assert.Single(limits);
        Assert.Equal(("gpupool.io/gpu-3", "60"), (limit.Key, limit.Value.ToString()));
        var env = pod.Spec.Containers.Single(c => c.Name == gpuContainer).Env.ToDictionary(e => e.Name, e => e.ValueFrom?.FieldRef?.FieldPath);
        Assert.Equal("metadata.annotations['gpupool.io/partner']", env["GPUPOOL_PARTNER"]);
        Assert.Equal("metadata.annotations['gpupool.io/predicted-np']", env["GPUPOOL_PREDICTED_NP"]);
        Assert.Equal("metadata.annotations['gpupool.io/sharing-mode']", env["GPUPOOL_SHARING_MODE"]);
    }

    public static TheoryData<string, double, int, int> Units => new()
    {
        // partner ("" alone), this job's share, GPU free units, units requested
        { "", 1.0, 100, 100 },
        { "", 0.5, 100, 100 },
        { "team-a/b", 0.5, 100, 50 },
        { "team-a/b", 0.57, 100, 57 },
        { "team-a/b", 0.43, 100, 43 },
        { "team-a/b", 1.0 / 3, 100, 33 },
        { "team-a/b", 2.0 / 3, 100, 66 },
        { "team-a/b", 0.999, 100, 99 },
        { "team-a/b", 0.7, 40, 40 },
    };

    [Theory]
    [MemberData(nameof(Units))]
    public void A_job_alone_requests_the_whole_gpu_and_a_partner_its_share_capped_by_what_is_free(string partner, double share, int free, int expected)
    {
        var setting = share == 1.0 ? SharingSetting.Exclusive : SharingSetting.Split(share);

        Assert.Equal(expected, Planner.Units(partner, setting, free));
    }

    public static TheoryData<double> PairShares => new() { 0.5, 0.57, 0.3333333, 0.1, 0.05, 0.995, 0.123456 };

    [Theory]
    [MemberData(nameof(PairShares))]
    public void Two_partners_never_request_more_than_the_gpu(double share)
    {
        var setting = SharingSetting.Split(share);

        var sum = Planner.Units("ns/b", setting, 100) + Planner.Units("ns/a", setting.Swapped, 100);

        Assert.InRange(sum, 98, 100);
    }

    private static Placement Placement(SharingSetting setting, string partner, double? predicted)
    {
        var job = Objects.Job("a");
        return new Placement(job, job.Spec.Kernels!, "node-7", 1, "GPU-x-1", partner, setting, predicted, Planner.Units(partner, setting, 100));
    }
}
