using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using k8s.Models;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>
/// The operator binds without kube-scheduler, so it checks what kube-scheduler and the kubelet
/// would: a pod is never written for a node that would refuse it, the job says which check kept
/// it off, and a node that passes gets the pod.
/// </summary>
public sealed class NodeCheckTests
{
    private static readonly DateTimeOffset _harnessNow = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, Action<V1Node>, Action<GpuJob>, string> Refusals => new()
    {
        // case, what is wrong with the node, what the job's template asks, the reason the job gets
        { "not ready", n => n.Status.Conditions[0].Status = "False", _ => { }, ConditionReasons.NodeNotReady },
        { "ready unknown", n => n.Status.Conditions[0].Status = "Unknown", _ => { }, ConditionReasons.NodeNotReady },
        { "no Ready condition", n => n.Status.Conditions.Clear(), _ => { }, ConditionReasons.NodeNotReady },
        { "device plugin gone", n => n.Status.Allocatable["gpupool.io/gpu-0"] = new ResourceQuantity("0"), _ => { }, ConditionReasons.InventoryStale },
        { "status too old", n => n.Status.Conditions[0].LastHeartbeatTime = _harnessNow.UtcDateTime.AddMinutes(-11), _ => { }, ConditionReasons.InventoryStale },
        { "untolerated taint", n => n.Spec = new V1NodeSpec { Taints = [new V1Taint { Key = "gpu", Value = "reserved", Effect = "NoSchedule" }] }, _ => { }, ConditionReasons.Taint },
        { "not enough CPU", _ => { }, j => Requests(j, cpu: "17"), ConditionReasons.InsufficientCpu },
        { "not enough memory", _ => { }, j => Requests(j, memory: "65Gi"), ConditionReasons.InsufficientMemory },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_job_is_kept_off_a_node_that_would_refuse_its_pod_and_says_why(string name, Action<V1Node> breakNode, Action<GpuJob> shapeJob, string reason)
    {
        var cluster = new FakeCluster();
        var node = Objects.Node("bad");
        breakNode(node);
        cluster.NodeFeed.Put(node);
        var job = Objects.Job("solo");
        shapeJob(job);
        cluster.JobFeed.Put(job);
        await using var harness = await OperatorHarness.StartAsync(cluster);

        var report = await harness.WindowAsync(cluster);

        Assert.True(report.Planned == 0, $"{name}: a pod was planned on a node that would refuse it");
        Assert.Empty(cluster.PodFeed.Items());
        var stored = cluster.JobFeed.Get(Objects.Namespace + "/solo")!;
        var condition = stored.Status?.Condition(ConditionTypes.Scheduled);
        Assert.Equal((JobPhase.Pending, "False", reason), (stored.Status?.Phase, condition?.Status, condition?.Reason));
        Assert.Contains("node bad", condition?.Message, StringComparison.Ordinal);
        Assert.Contains(cluster.Events, e => e.Warning && e.Reason == reason);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task The_same_job_is_placed_on_a_node_that_passes_every_check(string name, Action<V1Node> breakNode, Action<GpuJob> shapeJob, string reason)
    {
        var cluster = new FakeCluster();
        var bad = Objects.Node("a-bad");
        breakNode(bad);
        cluster.NodeFeed.Put(bad);
        cluster.NodeFeed.Put(Objects.Node("b-good", cpu: "32", memory: "128Gi"));
        var job = Objects.Job("solo");
        shapeJob(job);
        cluster.JobFeed.Put(job);
        await using var harness = await OperatorHarness.StartAsync(cluster);

        await harness.WindowAsync(cluster);

        var pod = Assert.Single(cluster.PodFeed.Items());
        Assert.True(pod.Spec.NodeName == "b-good", $"{name} ({reason}): bound to {pod.Spec.NodeName}");
        ClusterAssert.EveryJobBoundOnce(cluster);
    }

    [Fact]
    public async Task Two_placements_of_one_window_never_overcommit_a_nodes_cpu_together()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1", gpus: 2, cpu: "3"));
        foreach (var name in new[] { "a", "b" })
        {
            var job = Objects.Job(name, qos: 0.99);
            Requests(job, cpu: "2");
            cluster.JobFeed.Put(job);
        }

        await using var harness = await OperatorHarness.StartAsync(cluster);

        var first = await harness.WindowAsync(cluster);
        var second = await harness.WindowAsync(cluster);

        Assert.Equal((1, 1), (first.Planned, first.Bound));
        Assert.Equal(0, second.Planned);
        var waiting = Assert.Single(cluster.JobFeed.Items(), j => j.Status?.Phase == JobPhase.Pending);
        Assert.Equal(ConditionReasons.InsufficientCpu, waiting.Status?.Condition(ConditionTypes.Scheduled)?.Reason);
    }

    [Fact]
    public async Task A_job_moves_on_from_a_node_reason_once_the_node_recovers()
    {
        var cluster = new FakeCluster();
        var node = Objects.Node("node-1");
        node.Status.Conditions[0].Status = "False";
        cluster.NodeFeed.Put(node);
        cluster.JobFeed.Put(Objects.Job("solo"));
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync(cluster);

        node.Status.Conditions[0].Status = "True";
        cluster.NodeFeed.Put(node);
        await harness.WindowAsync(cluster);

        ClusterAssert.EveryJobBoundOnce(cluster);
    }

    private static void Requests(GpuJob job, string? cpu = null, string? memory = null)
    {
        var requests = new Dictionary<string, ResourceQuantity>();
        if (cpu is not null)
        {
            requests["cpu"] = new ResourceQuantity(cpu);
        }

        if (memory is not null)
        {
            requests["memory"] = new ResourceQuantity(memory);
        }

        job.Spec.Template!.Spec.Containers[0].Resources = new V1ResourceRequirements { Requests = requests };
    }
}
