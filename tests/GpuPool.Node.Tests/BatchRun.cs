using System.Text.Json;
using GpuPool.Contracts;
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

    private BatchRun(IReadOnlyList<GpuJob> jobs, IReadOnlyList<V1Pod> pods, IReadOnlyList<V1Pod> everPods, IReadOnlyDictionary<int, string> gpuUuids)
    {
        Jobs = jobs;
        Pods = pods;
        EveryPod = everPods;
        GpuUuids = gpuUuids;
    }

    /// <summary>Every pod seen during the run (polled twice a second), refused and deleted ones too.</summary>
    public IReadOnlyList<V1Pod> EveryPod { get; }

    /// <summary>Every job as it ended.</summary>
    public IReadOnlyList<GpuJob> Jobs { get; }

    /// <summary>Every pod left in the namespace (a refused pod is deleted when its job is requeued).</summary>
    public IReadOnlyList<V1Pod> Pods { get; }

    /// <summary>The node's GPU UUID by index, from the inventory the plugin published.</summary>
    public IReadOnlyDictionary<int, string> GpuUuids { get; }

    public static async Task<BatchRun> RunAsync(NodeFixture node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var ns = await node.NewNamespaceAsync("node-batch");
        await node.CreateSampleProfilesAsync(ns);

        var samples = Workloads.Sample<GpuJob>("compatible-pair.yaml", GpuPoolApi.JobKind).Concat(Workloads.Sample<GpuJob>("incompatible-pair.yaml", GpuPoolApi.JobKind)).ToList();
        var jobs = samples.Concat(Workloads.Sample<GpuJob>("batch.yaml", GpuPoolApi.JobKind)).ToList();
        await Task.WhenAll(jobs.Select(job => node.CreateJobAsync(job, ns)));

        // Every pod the operator creates, seen while it lives: a refused one is deleted within a window.
        using var stop = new CancellationTokenSource();
        var seen = new Dictionary<string, V1Pod>(StringComparer.Ordinal);
        var watching = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var pod in await ListPodsAsync(node, ns))
                {
                    seen[pod.Metadata.Uid] = pod;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });

        // 1. Restart the device plugin once the first pods are bound, before all have started.
        await node.WaitUntilAsync(async () => (await ListPodsAsync(node, ns)).Any(p => p.Spec.NodeName is not null), TimeSpan.FromMinutes(2), "no pod was bound");
        node.DevicePlugin.Stop();
        await Task.Delay(TimeSpan.FromSeconds(2));
        node.DevicePlugin.Start();

        // 2. Every job ends.
        await node.WaitUntilAsync(
            async () => (await ListJobsAsync(node, ns)).All(j => j.Status?.Phase is JobPhase.Succeeded or JobPhase.Failed),
            RunTimeout, "not every job finished");
        await stop.CancelAsync();
        await watching;
        return new BatchRun(await ListJobsAsync(node, ns), await ListPodsAsync(node, ns), [.. seen.Values], await GpuUuidsAsync(node));
    }

    /// <summary>
    /// Pairs of pods written for each other (each names the other's job as partner) and created in
    /// the same second: what a timestamp-based handoff could not tell apart.
    /// </summary>
    public int SameSecondPairs()
    {
        var byJob = EveryPod.ToLookup(p => p.Metadata.NamespaceProperty + "/" + p.Metadata.Labels[GpuPoolApi.JobNameLabel], StringComparer.Ordinal);
        return EveryPod.Count(p =>
        {
            var job = p.Metadata.NamespaceProperty + "/" + p.Metadata.Labels[GpuPoolApi.JobNameLabel];
            var partner = PartnerOf(p);
            return partner.Length > 0 && string.CompareOrdinal(job, partner) < 0
                && byJob[partner].Any(q => PartnerOf(q) == job && q.Metadata.CreationTimestamp == p.Metadata.CreationTimestamp);
        });
    }

    private static string PartnerOf(V1Pod pod) =>
        pod.Metadata.Annotations is { } annotations && annotations.TryGetValue(PodAnnotations.Partner, out var partner) ? partner : string.Empty;

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
