using System.Text.Json;
using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Resources;
using k8s;
using k8s.Models;

namespace GpuPool.Node.Tests;

/// <summary>
/// The samples and a generated batch applied at once (so the first window's pods are created
/// within the same second), scheduled by the operator, allocated by the device plugin under the
/// real kubelet and run by sim-run on the node emulator to completion, with the plugin restarted
/// once the first pods are bound and before they have all been admitted.
/// </summary>
public sealed class BatchRun
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(12);

    private BatchRun(IReadOnlyList<GpuJob> jobs, IReadOnlyList<V1Pod> pods, IReadOnlyDictionary<int, string> gpuUuids)
    {
        Jobs = jobs;
        Pods = pods;
        GpuUuids = gpuUuids;
    }

    /// <summary>Every job as it ended.</summary>
    public IReadOnlyList<GpuJob> Jobs { get; }

    /// <summary>Every pod left in the namespace (a refused pod is deleted when its job is requeued).</summary>
    public IReadOnlyList<V1Pod> Pods { get; }

    /// <summary>The node's GPU UUID by index, from the inventory the plugin published.</summary>
    public IReadOnlyDictionary<int, string> GpuUuids { get; }

    public static async Task<BatchRun> RunAsync(NodeFixture node, int generatedJobs)
    {
        ArgumentNullException.ThrowIfNull(node);
        var ns = await node.NewNamespaceAsync("node-batch");
        foreach (var profile in Workloads.Sample<GpuProfile>("profiles.yaml", "GpuProfile"))
        {
            profile.Metadata.NamespaceProperty = ns;
            await node.Client.CustomObjects.CreateNamespacedCustomObjectAsync(profile, GpuPoolApi.Group, GpuPoolApi.Version, ns, "gpuprofiles");
        }

        var samples = Workloads.Sample<GpuJob>("compatible-pair.yaml", GpuPoolApi.JobKind).Concat(Workloads.Sample<GpuJob>("incompatible-pair.yaml", GpuPoolApi.JobKind)).ToList();
        var jobs = samples.Concat(Workloads.GeneratedBatch(samples[0], generatedJobs)).ToList();
        await Task.WhenAll(jobs.Select(job =>
        {
            job.Metadata.NamespaceProperty = ns;
            return node.Client.CustomObjects.CreateNamespacedCustomObjectAsync(job, GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.JobPlural);
        }));

        // 1. Restart the device plugin once the first pods are bound, before all have started.
        await node.WaitUntilAsync(async () => (await ListPodsAsync(node, ns)).Any(p => p.Spec.NodeName is not null), TimeSpan.FromMinutes(2), "no pod was bound");
        node.DevicePlugin.Stop();
        await Task.Delay(TimeSpan.FromSeconds(2));
        node.DevicePlugin.Start();

        // 2. Every job ends.
        await node.WaitUntilAsync(
            async () => (await ListJobsAsync(node, ns)).All(j => j.Status?.Phase is JobPhase.Succeeded or JobPhase.Failed),
            RunTimeout, "not every job finished");
        return new BatchRun(await ListJobsAsync(node, ns), await ListPodsAsync(node, ns), await GpuUuidsAsync(node));
    }

    /// <summary>The pods the job owns (by UID, so a deleted and recreated job is not confused with it).</summary>
    public IReadOnlyList<V1Pod> PodsOf(GpuJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return [.. Pods.Where(p => p.Metadata.OwnerReferences?.Any(o => o.Uid == job.Metadata.Uid) == true)];
    }

    /// <summary>What sim-run wrote to its termination log: measured NP, the GPU UUID and share it ran with.</summary>
    public static JsonElement TerminationReport(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return JsonDocument.Parse(pod.Status.ContainerStatuses.Single().State.Terminated.Message).RootElement;
    }

    private static async Task<IReadOnlyList<GpuJob>> ListJobsAsync(NodeFixture node, string ns)
    {
        var list = await node.Client.CustomObjects.ListNamespacedCustomObjectAsync<CustomResourceList<GpuJob>>(GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.JobPlural);
        return list.Items ?? [];
    }

    private static async Task<IReadOnlyList<V1Pod>> ListPodsAsync(NodeFixture node, string ns) =>
        [.. (await node.Client.CoreV1.ListNamespacedPodAsync(ns)).Items];

    private static async Task<IReadOnlyDictionary<int, string>> GpuUuidsAsync(NodeFixture node)
    {
        var annotations = (await node.Client.CoreV1.ReadNodeAsync(node.Node.NodeName)).Metadata.Annotations;
        using var doc = JsonDocument.Parse(annotations["gpupool.io/gpu-inventory"]);
        return doc.RootElement.GetProperty("gpus").EnumerateArray()
            .ToDictionary(g => g.GetProperty("index").GetInt32(), g => g.GetProperty("uuid").GetString()!);
    }
}
