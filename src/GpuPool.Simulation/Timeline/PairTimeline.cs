using GpuPool.Core.Jobs;
using GpuPool.Core.Metrics;
using GpuPool.Core.Sharing;

namespace GpuPool.Simulation.Timeline;

/// <summary>
/// Ground truth for two jobs started together on one GPU under a setting: the timeline kernel by
/// kernel, the survivor running alone at the end (see <see cref="GpuTimeline"/>).
/// <para>
/// With <c>exactIterations</c> set, the shared phase is simulated exactly only for that many
/// iterations of the job with the longer iteration; the rest of the shared phase is extrapolated
/// at the average rates observed (the kernel-pair sequence is quasi-periodic, so averages converge),
/// and the survivor's alone phase is exact in closed form. This bounds the cost of a pair to a few
/// hundred kernel events whatever the iteration counts; the error against the fully exact run is
/// measured in PairTimelineTests and documented in docs/simulation.md.
/// </para>
/// </summary>
public sealed class PairTimeline
{
    private readonly SettingRates _rates;
    private readonly int? _exactIterations;

    public PairTimeline(SettingRates rates, int? exactIterations = null)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (exactIterations is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(exactIterations), exactIterations, "exactIterations must be at least 1.");
        }

        _rates = rates;
        _exactIterations = exactIterations;
    }

    public PairTimelineResult Run(Job a, Job b, SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(setting);
        var gpu = new GpuTimeline(_rates);
        var progressA = gpu.Start(a, setting);
        var progressB = gpu.Start(b, setting.Swapped);
        var probe = _exactIterations is { } n ? n * Math.Max(a.IterationSeconds, b.IterationSeconds) / ContentionFloor : double.PositiveInfinity;
        var ends = gpu.AdvanceTo(probe).ToDictionary(f => f.Job, f => f.EndSeconds);
        if (ends.Count == 0)
        {
            (ends[a], ends[b]) = Extrapolate(progressA, progressB, setting, probe);
        }
        else if (ends.Count == 1)
        {
            foreach (var f in gpu.AdvanceTo(double.PositiveInfinity))
            {
                ends[f.Job] = f.EndSeconds;
            }
        }

        return new PairTimelineResult(
            ends[a],
            ends[b],
            Throughput.NormalizedProgress(a.IsolatedSeconds, ends[a]),
            Throughput.NormalizedProgress(b.IsolatedSeconds, ends[b]));
    }

    // The probe must outlast n iterations even at the slowest co-run rate the model gives.
    private const double ContentionFloor = 1.0;

    private (double EndA, double EndB) Extrapolate(JobProgress a, JobProgress b, SharingSetting setting, double probe)
    {
        var rateA = a.CompletedIsolatedSeconds / probe;
        var rateB = b.CompletedIsolatedSeconds / probe;
        var leftA = a.Job.IsolatedSeconds - a.CompletedIsolatedSeconds;
        var leftB = b.Job.IsolatedSeconds - b.CompletedIsolatedSeconds;
        var shared = Math.Min(leftA / rateA, leftB / rateB);
        var together = probe + shared;
        return leftA / rateA <= leftB / rateB
            ? (together, together + AloneSeconds(b.Job, setting.Swapped, leftB - (rateB * shared)))
            : (together + AloneSeconds(a.Job, setting, leftA - (rateA * shared)), together);
    }

    // Alone, a job's speed per isolated second is its iteration's mix of kernel alone rates.
    private double AloneSeconds(Job job, SharingSetting setting, double isolatedSeconds) =>
        isolatedSeconds * job.Kernels.Sum(k => k.IsolatedSeconds / _rates.Alone(k, setting)) / job.IterationSeconds;
}
