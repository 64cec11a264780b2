using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Resources;
using k8s;

namespace GpuPool.Node.Tests;

/// <summary>
/// The kubelet refuses a job's pod at admission because the device plugin is down (its Allocate
/// cannot be reached): the operator deletes the pod and queues the job again, and once the plugin
/// is back the job runs to completion through one new pod.
/// </summary>
[Collection(NodeTestGroup.Name)]
[Trait("Category", "Node")]
public sealed class NodeRefusalRequeueTests(NodeFixture node)
{
    [NodeFact]
    public async Task A_pod_refused_while_the_plugin_is_down_is_requeued_and_the_job_runs_once_the_plugin_is_back()
    {
        var ns = await node.NewNamespaceAsync("node-requeue");
        await node.CreateSampleProfilesAsync(ns);

        var job = Workloads.Sample<GpuJob>("compatible-pair.yaml", GpuPoolApi.JobKind)[0];

        // The GPUs must be on the node (and so in the operator's inventory) before the plugin goes.
        await node.WaitUntilAsync(
            async () =>
            {
                var gpus = await node.GpuAllocatableAsync();
                return Enumerable.Range(0, NodeFixture.SimulatedGpus).All(i => gpus.GetValueOrDefault($"{NodeFixture.ResourcePrefix}-{i}") == 100);
            },
            TimeSpan.FromSeconds(60), "the plugin's GPUs were not allocatable");
        node.DevicePlugin.Stop();
        try
        {
            await node.CreateJobAsync(job, ns);
            await node.WaitUntilAsync(async () => (await GetAsync(ns, job.Metadata.Name)).Status?.Requeues >= 1, TimeSpan.FromSeconds(90), "the refused pod's job was not requeued");
        }
        finally
        {
            node.DevicePlugin.Start();
        }

        var requeued = (await GetAsync(ns, job.Metadata.Name)).Status!;
        await node.WaitUntilAsync(async () => JobPhase.IsTerminal((await GetAsync(ns, job.Metadata.Name)).Status?.Phase), TimeSpan.FromMinutes(5), "the requeued job did not finish");

        var done = (await GetAsync(ns, job.Metadata.Name)).Status!;
        var pods = (await node.Client.CoreV1.ListNamespacedPodAsync(ns)).Items;
        Assert.Equal(ConditionReasons.NodeRefused, requeued.Condition(ConditionTypes.Scheduled)!.Reason);
        Assert.Contains("UnexpectedAdmissionError", requeued.Condition(ConditionTypes.Scheduled)!.Message, StringComparison.Ordinal);
        Assert.Equal(JobPhase.Succeeded, done.Phase);
        Assert.InRange(done.Requeues ?? 0, 1, 3);
        Assert.Equal("Succeeded", Assert.Single(pods).Status.Phase);
    }

    private async Task<GpuJob> GetAsync(string ns, string name)
    {
        var raw = await node.Client.CustomObjects.GetNamespacedCustomObjectAsync(GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.JobPlural, name);
        return KubernetesJson.Deserialize<GpuJob>(KubernetesJson.Serialize(raw));
    }
}
