using System.Globalization;
using System.Text.Json;
using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Resources;
using k8s;
using k8s.Models;
using Xunit.Abstractions;

namespace GpuPool.Node.Tests;

/// <summary>
/// The samples and a generated batch, applied at once (so each window's pods are created within
/// the same second), scheduled by the operator, allocated by the device plugin under the real
/// kubelet and run by sim-run on the node emulator to completion; the plugin is restarted while
/// pods are being admitted.
/// </summary>
[Collection(NodeTestGroup.Name)]
[Trait("Category", "Node")]
public sealed class BatchRunTests(NodeFixture node, ITestOutputHelper output)
{
    private const int GeneratedJobs = 32;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(12);

    // Quarantined, not passing: on the node (make node-up; make node-test) this test found two
    // product defects it must see fixed before it can run in CI. 1. A device-plugin restart while
    // the kubelet is in Allocate fails the pod ("UnexpectedAdmissionError: Allocate failed ...
    // Unavailable") and the operator leaves its job Failed instead of requeueing it (4 of 36 jobs).
    // 2. Rematch onto a running job misses QoS: a long job given three successive partners
    // measured NP 0.37 against its target 0.5 (predicted 0.60), as the Oracle/rematch issue says.
    [NodeFact(Skip = "quarantined: a plugin restart mid-Allocate fails pods without requeue, and rematch onto running jobs misses QoS (see the comment above)")]
    public async Task Every_job_runs_once_on_the_gpu_and_share_the_operator_chose_and_meets_its_qos()
    {
        var ns = await node.NewNamespaceAsync("node-batch");
        foreach (var profile in Workloads.Sample<GpuProfile>("profiles.yaml", "GpuProfile"))
        {
            profile.Metadata.NamespaceProperty = ns;
            await node.Client.CustomObjects.CreateNamespacedCustomObjectAsync(profile, GpuPoolApi.Group, GpuPoolApi.Version, ns, "gpuprofiles");
        }

        var samples = Workloads.Sample<GpuJob>("compatible-pair.yaml", GpuPoolApi.JobKind).Concat(Workloads.Sample<GpuJob>("incompatible-pair.yaml", GpuPoolApi.JobKind)).ToList();
        var jobs = samples.Concat(Workloads.GeneratedBatch(samples[0], GeneratedJobs)).ToList();
        await Task.WhenAll(jobs.Select(job =>
        {
            job.Metadata.NamespaceProperty = ns;
            return node.Client.CustomObjects.CreateNamespacedCustomObjectAsync(job, GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.JobPlural);
        }));

        // 1. Restart the device plugin once the first pods are bound, before all have started.
        await node.WaitUntilAsync(async () => (await ListPodsAsync(ns)).Any(p => p.Spec.NodeName is not null), TimeSpan.FromMinutes(2), "no pod was bound");
        node.DevicePlugin.Stop();
        await Task.Delay(TimeSpan.FromSeconds(2));
        node.DevicePlugin.Start();

        // 2. Every job ends.
        await node.WaitUntilAsync(
            async () => (await ListJobsAsync(ns)).All(j => j.Status?.Phase is JobPhase.Succeeded or JobPhase.Failed),
            RunTimeout, "not every job finished");

        var finished = (await ListJobsAsync(ns)).ToDictionary(j => j.Key, StringComparer.Ordinal);
        var pods = await ListPodsAsync(ns);
        var uuids = await GpuUuidsAsync();

        // 3. Each job succeeded through exactly one pod, which ran on the GPU and share the
        //    operator wrote into the job's status.
        var problems = new List<string>();
        foreach (var job in finished.Values)
        {
            var status = job.Status!;
            var own = pods.Where(p => p.Metadata.OwnerReferences?.Any(o => o.Name == job.Metadata.Name) == true).ToList();
            if (status.Phase != JobPhase.Succeeded || own.Count != 1)
            {
                problems.Add($"{job.Key}: phase {status.Phase}, {own.Count} pods");
                continue;
            }

            var report = TerminationReport(own[0]);
            if (report.GetProperty("gpuUuid").GetString() != uuids[status.Gpu!.Value])
            {
                problems.Add($"{job.Key}: ran on {report.GetProperty("gpuUuid").GetString()}, operator chose GPU {status.Gpu}");
            }

            if (status.MeasuredNp is not { } np || np < job.Spec.QosTarget)
            {
                problems.Add($"{job.Key}: measured NP {status.MeasuredNp} below its QoS target {job.Spec.QosTarget}");
            }
        }

        // 4. Partners name each other, share one GPU, and their shares are complementary.
        var pairs = 0;
        foreach (var job in finished.Values.Where(j => j.Status?.Partner is not null))
        {
            var partner = finished[job.Status!.Partner!];
            if (partner.Status?.Partner != job.Key || partner.Status.Gpu != job.Status.Gpu || partner.Status.Node != job.Status.Node)
            {
                problems.Add($"{job.Key} and {partner.Key} are not partners on one GPU");
            }

            var shares = new[] { job, partner }.Select(j => TerminationReport(pods.Single(p => p.Metadata.OwnerReferences!.Any(o => o.Name == j.Metadata.Name))).GetProperty("share").GetDouble()).ToList();
            if (shares.Sum() > 1.0 + 1e-9)
            {
                problems.Add($"{job.Key} and {partner.Key} were given shares {shares[0]} + {shares[1]} > 1");
            }

            pairs++;
        }

        Report(finished.Values.ToList(), pairs / 2);
        Assert.True(pairs / 2 >= 10, $"only {pairs / 2} pairs formed; the handoff stress needs at least 10");
        Assert.Empty(problems);
    }

    private void Report(List<GpuJob> jobs, int pairs)
    {
        var met = jobs.Count(j => j.Status?.MeasuredNp >= j.Spec.QosTarget);
        var predicted = jobs.Where(j => j.Status?.PredictedNp is not null).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"node batch: {jobs.Count} jobs, {pairs} pairs, QoS reached {met}/{jobs.Count} = {(double)met / jobs.Count:0.000}; " +
            $"paired jobs: mean measured NP {predicted.Average(j => j.Status!.MeasuredNp ?? 0):0.000} vs predicted {predicted.Average(j => j.Status!.PredictedNp!.Value):0.000}"));
    }

    private static JsonElement TerminationReport(V1Pod pod) =>
        JsonDocument.Parse(pod.Status.ContainerStatuses.Single().State.Terminated.Message).RootElement;

    private async Task<IReadOnlyList<GpuJob>> ListJobsAsync(string ns)
    {
        var list = await node.Client.CustomObjects.ListNamespacedCustomObjectAsync<CustomResourceList<GpuJob>>(GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.JobPlural);
        return list.Items ?? [];
    }

    private async Task<IList<V1Pod>> ListPodsAsync(string ns) => (await node.Client.CoreV1.ListNamespacedPodAsync(ns)).Items;

    private async Task<IReadOnlyDictionary<int, string>> GpuUuidsAsync()
    {
        var annotations = (await node.Client.CoreV1.ReadNodeAsync(node.Node.NodeName)).Metadata.Annotations;
        using var doc = JsonDocument.Parse(annotations["gpupool.io/gpu-inventory"]);
        return doc.RootElement.GetProperty("gpus").EnumerateArray()
            .ToDictionary(g => g.GetProperty("index").GetInt32(), g => g.GetProperty("uuid").GetString()!);
    }
}
