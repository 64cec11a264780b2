using GpuPool.Core.Metrics;
using GpuPool.Core.Placement;
using GpuPool.Core.Prediction;

namespace GpuPool.Cli.Commands;

/// <summary>How a plan really does: each shared job's true NP under its setting, against its QoS target.</summary>
internal static class PlanQuality
{
    /// <summary>Share of placed jobs whose true NP meets their QoS target (a job alone always does).</summary>
    public static double QosReached(PlacementPlan plan, IPairPredictor groundTruth)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(groundTruth);
        if (plan.Assignments.Count == 0)
        {
            return 1.0;
        }

        var met = plan.Assignments.AsParallel().Count(a =>
            a.Partner is null || groundTruth.Predict(a.Job, a.Partner, [a.Setting])[0].NpA >= a.Job.QosTarget - Throughput.QosTolerance);
        return (double)met / plan.Assignments.Count;
    }
}
