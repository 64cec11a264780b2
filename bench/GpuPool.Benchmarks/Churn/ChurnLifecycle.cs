using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Benchmarks.Churn;

/// <summary>
/// What kubelets and users do between windows: a bound pod starts running, runs a few windows and
/// succeeds; once the operator has marked its job Succeeded, the job and its pod are deleted.
/// </summary>
internal sealed class ChurnLifecycle(int runningWindows)
{
    private readonly Dictionary<string, int> _runningSince = new(StringComparer.Ordinal);

    public int Finished { get; private set; }

    public void Advance(FakeCluster cluster, int window)
    {
        var jobs = cluster.JobFeed.Items().ToDictionary(j => j.Key, StringComparer.Ordinal);
        foreach (var pod in cluster.PodFeed.Items())
        {
            var key = pod.Metadata.NamespaceProperty + "/" + pod.Metadata.Name;
            var jobKey = JobOwnership.JobKeyOf(pod);
            if (jobs.TryGetValue(jobKey, out var job) && job.Status?.Phase == JobPhase.Succeeded)
            {
                cluster.JobFeed.Delete(jobKey);
                cluster.PodFeed.Delete(key);
                _runningSince.Remove(key);
                Finished++;
            }
            else if (pod.Status?.Phase == "Running" && window - _runningSince[key] >= runningWindows)
            {
                cluster.SetPodPhase(key, "Succeeded");
            }
            else if (pod.Status?.Phase is null && !string.IsNullOrEmpty(pod.Spec.NodeName))
            {
                cluster.SetPodPhase(key, "Running");
                _runningSince[key] = window;
            }
        }
    }
}
