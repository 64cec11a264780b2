using GpuPool.Core.Jobs;
using GpuPool.Core.Metrics;
using GpuPool.Core.Sharing;

namespace GpuPool.Simulation.Timeline;

/// <summary>
/// Ground truth for two jobs started together on one GPU under a setting: the whole timeline,
/// kernel by kernel, the survivor running alone at the end (see <see cref="GpuTimeline"/>).
/// </summary>
public sealed class PairTimeline
{
    private readonly SettingRates _rates;

    public PairTimeline(SettingRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        _rates = rates;
    }

    public PairTimelineResult Run(Job a, Job b, SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(setting);
        var gpu = new GpuTimeline(_rates);
        gpu.Start(a, setting);
        gpu.Start(b, setting.Swapped);
        var ends = gpu.AdvanceTo(double.PositiveInfinity).ToDictionary(f => f.Job, f => f.EndSeconds);
        var secondsA = ends[a];
        var secondsB = ends[b];
        return new PairTimelineResult(
            secondsA,
            secondsB,
            Throughput.NormalizedProgress(a.IsolatedSeconds, secondsA),
            Throughput.NormalizedProgress(b.IsolatedSeconds, secondsB));
    }
}
