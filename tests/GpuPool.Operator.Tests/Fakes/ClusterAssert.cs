using GpuPool.Contracts;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;

namespace GpuPool.Operator.Tests.Fakes;

/// <summary>The exactly-once invariants every fault case must end in.</summary>
public static class ClusterAssert
{
    /// <summary>Every job has one pod, bound once, to the node its status names, on a GPU holding at most two jobs.</summary>
    public static void EveryJobBoundOnce(FakeCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var jobs = cluster.JobFeed.Items();
        var pods = cluster.PodFeed.Items();
        Assert.NotEmpty(jobs);
        foreach (var job in jobs)
        {
            var owned = pods.Where(p => JobOwnership.Owns(job, p)).ToList();
            var pod = Assert.Single(owned);
            var podKey = pod.Metadata.NamespaceProperty + "/" + pod.Metadata.Name;
            Assert.Equal(GpuPoolApi.PodName(job.Metadata.Name), pod.Metadata.Name);
            Assert.True(cluster.Binds.TryGetValue(podKey, out var binds), $"{podKey} was never bound");
            Assert.Equal(1, binds);
            Assert.Equal(JobPhase.Scheduled, job.Status?.Phase);
            Assert.Equal(pod.Spec.NodeName, job.Status?.Node);
            var partner = pod.Metadata.Annotations[PodAnnotations.Partner];
            Assert.Equal(partner.Length == 0 ? null : partner, job.Status?.Partner);
            Assert.True(job.Status?.Condition(ConditionTypes.Scheduled)?.IsTrue, $"{job.Key} lacks Scheduled=True");
        }

        // Partners are mutual and share one GPU: a pair half-written before a crash is completed, not split.
        var byKey = jobs.ToDictionary(j => j.Key);
        foreach (var job in jobs.Where(j => !string.IsNullOrEmpty(j.Status?.Partner)))
        {
            var other = byKey[job.Status!.Partner!];
            Assert.Equal(job.Key, other.Status?.Partner);
            Assert.Equal((job.Status.Node, job.Status.Gpu), (other.Status?.Node, other.Status?.Gpu));
        }

        var perGpu = pods.GroupBy(p => (p.Spec.NodeName, p.Metadata.Annotations[PodAnnotations.GpuIndex]));
        Assert.All(perGpu, g => Assert.True(g.Count() <= 2, $"GPU {g.Key} holds {g.Count()} jobs"));
    }
}
