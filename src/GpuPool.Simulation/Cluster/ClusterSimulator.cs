using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Metrics;
using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Simulation.Timeline;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Simulation.Cluster;

/// <summary>
/// Discrete-event cluster simulation. Each window: jobs that have arrived join the pending queue,
/// the policy plans from a snapshot (pending jobs and every GPU's state, including running jobs
/// with a free partner slot), and the plan starts jobs on their GPUs. Between windows every GPU
/// advances exactly (<see cref="GpuTimeline"/>): rates change at every kernel boundary, when a
/// partner arrives and when it leaves; a GPU whose partner left offers its slot to the next window.
/// Jobs no policy places wait; the run ends when every job has finished, or when the rest can
/// never start (nothing runs and nothing is left to arrive).
/// </summary>
public sealed class ClusterSimulator
{
    private readonly ClusterOptions _options;
    private readonly SettingRates _rates;

    public ClusterSimulator(ClusterOptions options, SettingRates rates)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rates);
        options.Validate();
        _options = options;
        _rates = rates;
    }

    public PolicyResult Run(NamedPolicy policy, IReadOnlyList<JobArrival> arrivals, IProgress<int>? finishedJobs = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(arrivals);
        var gpus = _options.BuildGpus().ToDictionary(g => g.Id, g => (Gpu: g, Timeline: new GpuTimeline(_rates)));
        var queue = arrivals.OrderBy(a => a.ArrivalSeconds).ToList();
        var arrivalOf = queue.ToDictionary(a => a.Job, a => a.ArrivalSeconds);
        var pending = new List<Job>();
        var outcomes = new List<JobOutcome>();
        var next = 0;
        var now = 0.0;
        while (true)
        {
            // 1. Arrivals up to now join the queue.
            while (next < queue.Count && queue[next].ArrivalSeconds <= now)
            {
                pending.Add(queue[next++].Job);
            }

            // 2. Plan and start.
            if (pending.Count > 0)
            {
                var batch = new SchedulingBatch(pending.ToList(), gpus.Values.Select(g => State(g.Gpu, g.Timeline)).ToList());
                var plan = policy.Policy.Plan(batch);
                PlacementValidator.Apply(plan, batch, gpus.ToDictionary(g => g.Key, g => g.Value.Timeline));
                var placed = plan.Assignments.Select(a => a.Job).ToHashSet();
                pending.RemoveAll(placed.Contains);
            }

            var anyRunning = gpus.Values.Any(g => g.Timeline.Running.Count > 0);
            if (!anyRunning && next == queue.Count)
            {
                break;
            }

            // 3. Every GPU runs until the next window; idle clusters skip ahead to the next arrival.
            var until = now + _options.WindowSeconds;
            if (!anyRunning && queue[next].ArrivalSeconds > until)
            {
                until = now + (Math.Ceiling((queue[next].ArrivalSeconds - now) / _options.WindowSeconds) * _options.WindowSeconds);
            }

            foreach (var (id, (_, timeline)) in gpus)
            {
                foreach (var (job, start, end) in timeline.AdvanceTo(until))
                {
                    outcomes.Add(new JobOutcome(job.Id, id, job.QosTarget, job.IsolatedSeconds, start, end));
                    finishedJobs?.Report(outcomes.Count);
                }
            }

            now = until;
        }

        return ResultCalculator.Summarise(policy.Label, outcomes, arrivalOf.ToDictionary(a => a.Key.Id, a => a.Value), pending.Count);
    }

    private static GpuState State(Gpu gpu, GpuTimeline timeline)
    {
        var running = timeline.Running;
        var resident = running.Count == 1
            ? new Resident(timeline.SettingOf(running[0].Job), running[0].CompletedIsolatedSeconds, timeline.Now - running[0].StartSeconds)
            : null;
        return new GpuState(gpu, [.. running.Select(p => p.Job)], resident);
    }
}
