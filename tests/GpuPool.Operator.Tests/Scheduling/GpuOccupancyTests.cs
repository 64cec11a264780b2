using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using k8s.Models;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>A GPU's free share is counted from the GPU resource requests of every live pod on its node, whoever made it.</summary>
public sealed class GpuOccupancyTests
{
    public static TheoryData<string, (string Node, string Resource, string Units, string Phase)[], int?> Cases => new()
    {
        // case, pods the operator did not create (node, resource, units, phase), GPU the new job gets (null: it waits)
        { "nothing else", [], 0 },
        { "GPU 0 fully held", [("node-1", "gpupool.io/gpu-0", "100", "Running")], 1 },
        { "GPU 0 partly held", [("node-1", "gpupool.io/gpu-0", "30", "Pending")], 1 },
        { "GPU 1 held", [("node-1", "gpupool.io/gpu-1", "1", "Running")], 0 },
        { "both held", [("node-1", "gpupool.io/gpu-0", "50", "Running"), ("node-1", "gpupool.io/gpu-1", "50", "Running")], null },
        { "held on another node", [("node-2", "gpupool.io/gpu-0", "100", "Running")], 0 },
        { "finished pod", [("node-1", "gpupool.io/gpu-0", "100", "Succeeded")], 0 },
        { "another prefix", [("node-1", "example.com/gpu-0", "100", "Running")], 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_new_job_goes_only_where_no_pod_holds_the_gpu(string name, (string Node, string Resource, string Units, string Phase)[] pods, int? expectedGpu)
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1", gpus: 2));
        for (var i = 0; i < pods.Length; i++)
        {
            cluster.PodFeed.Put(ForeignPod($"{name.Replace(' ', '-')}-{i}", pods[i]));
        }

        cluster.JobFeed.Put(Objects.Job("new"));
        await using var harness = await OperatorHarness.StartAsync(cluster);

        await harness.WindowAsync(cluster);

        Assert.Equal(expectedGpu, cluster.JobFeed.Get("team-a/new")!.Status!.Gpu);
    }

    public static TheoryData<string?, int?> BesideARunningJob => new()
    {
        // units of GPU 0 a pod the operator did not create holds (null: none), GPU the newcomer gets (null: it waits)
        { null, 0 },
        { "30", null },
        { "1", null },
    };

    [Theory]
    [MemberData(nameof(BesideARunningJob))]
    public async Task A_running_job_whose_gpu_a_foreign_pod_also_holds_gets_no_partner(string? foreignUnits, int? expectedGpu)
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("a"));
        cluster.JobFeed.Put(Objects.Job("b"));
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync(cluster);
        cluster.SetPodPhase("team-a/a-gpupool", "Running");
        cluster.SetPodPhase("team-a/b-gpupool", "Succeeded");
        if (foreignUnits is not null)
        {
            cluster.PodFeed.Put(ForeignPod("squatter", ("node-1", "gpupool.io/gpu-0", foreignUnits, "Running")));
        }

        await harness.WindowAsync(cluster);
        cluster.JobFeed.Put(Objects.Job("c"));
        await harness.WindowAsync(cluster);

        Assert.Equal("team-a/b", cluster.JobFeed.Get("team-a/a")!.Status!.Partner);
        Assert.Equal(expectedGpu, cluster.JobFeed.Get("team-a/c")!.Status!.Gpu);
    }

    internal static V1Pod ForeignPod(string name, (string Node, string Resource, string Units, string Phase) pod) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "other" },
        Spec = new V1PodSpec
        {
            NodeName = pod.Node,
            Containers =
            [
                new V1Container
                {
                    Name = "main",
                    Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { [pod.Resource] = new(pod.Units) } },
                },
            ],
        },
        Status = new V1PodStatus { Phase = pod.Phase },
    };
}
