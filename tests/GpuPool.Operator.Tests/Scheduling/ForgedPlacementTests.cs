using GpuPool.Contracts;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using k8s.Models;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>A pod the operator did not write steers no placement, whatever its gpupool.io annotations say.</summary>
public sealed class ForgedPlacementTests
{
    public static TheoryData<string> Seals => new() { "none", "another key" };

    [Theory]
    [MemberData(nameof(Seals))]
    public async Task A_pod_in_another_namespace_naming_a_job_as_its_partner_does_not_get_that_job_placed_beside_it(string forgedSeal)
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1", gpus: 3));
        cluster.JobFeed.Put(Objects.Job("victim"));
        // The forger's own GpuJob, whose uid the hand-written pod names as its controller.
        var own = Objects.Job("squatter");
        own.Metadata.NamespaceProperty = "team-b";
        var squatter = cluster.JobFeed.Put(own);
        cluster.PodFeed.Put(Forged(forgedSeal, squatter.Metadata.Uid));
        await using var harness = await OperatorHarness.StartAsync(cluster, new PairTablePredictor().Clash("victim", "squatter"));

        await harness.WindowAsync(cluster);

        var victim = cluster.JobFeed.Get("team-a/victim")!.Status!;
        var pod = cluster.PodFeed.Get("team-a/victim-gpupool")!;
        Assert.Equal((JobPhase.Scheduled, (string?)null), (victim.Phase, victim.Partner));
        Assert.NotEqual(0, victim.Gpu);
        Assert.Equal("100", pod.Spec.Containers[0].Resources.Limits[$"gpupool.io/gpu-{victim.Gpu}"].ToString());
        Assert.Equal(1, harness.Metrics.UnverifiedPods.Value);
    }

    /// <summary>What the operator would have written for a partner of team-a/victim at a 95/5 split, by hand in team-b.</summary>
    public static V1Pod Forged(string seal, string ownerUid)
    {
        var pod = PlacementSealTests.Pod();
        pod.Metadata.Name = "squatter-gpupool";
        pod.Metadata.NamespaceProperty = "team-b";
        pod.Metadata.Labels[GpuPoolApi.JobNameLabel] = "squatter";
        pod.Metadata.OwnerReferences[0].Name = "squatter";
        pod.Metadata.OwnerReferences[0].Uid = ownerUid;
        pod.Metadata.Annotations[PodAnnotations.Partner] = "team-a/victim";
        pod.Metadata.Annotations[PodAnnotations.SharingMode] = "fine";
        pod.Metadata.Annotations[PodAnnotations.Share] = "0.95";
        pod.Metadata.Annotations[PodAnnotations.PredictedNp] = "0.99";
        pod.Spec.NodeName = "node-1";
        pod.Spec.Containers[0].Resources.Limits["gpupool.io/gpu-0"] = new ResourceQuantity("95");
        if (seal == "another key")
        {
            new PlacementSeal("a-key-the-attacker-made-up-0123456789", GpuResources.DefaultPrefix).Apply(pod);
        }

        return pod;
    }
}
