using System.Globalization;
using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Pairing;
using GpuPool.Core.Placement;
using GpuPool.Core.Prediction;
using GpuPool.Prediction.Explaining;
using GpuPool.Prediction.JobWise;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Pairing;

namespace GpuPool.Cli.Explain;

/// <summary>
/// Explains one pair with the operator's own parts: the two-stage predictor it registers, Core's
/// <see cref="PairingRule"/> (floors and the best setting) and <see cref="PairingGraph"/> (the
/// edge a window would draw between the two jobs, pending, beside one idle GPU).
/// </summary>
public static class PairExplainer
{
    public static PairExplanation Explain(Job a, Job b, KernelNpModel model, string modelName, double delta, GpuModel gpu, int top)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gpu);
        var predictor = new ModelPairPredictor(model, gpu, new SteadyStateOptions());
        var rule = new PairingRule(delta, PairingRule.DefaultSettings);
        var outcomes = predictor.Predict(a, b, rule.Settings);
        var settings = outcomes.Select(o => ExplainedSetting.Of(o, rule.Clears(o.NpA, a.QosTarget), rule.Clears(o.NpB, b.QosTarget))).ToList();
        var chosen = rule.Best(a, b, outcomes);
        var batch = new SchedulingBatch([a, b], [GpuState.Idle(new Gpu(new GpuId("explain", 0), gpu))]);
        var edge = PairingGraph.Build(batch, predictor, rule).Graph.EdgeCount > 0;
        var shown = chosen?.Setting ?? outcomes.MaxBy(o => o.Stp)!.Setting;
        return new PairExplanation(
            a.Id,
            b.Id,
            modelName,
            delta,
            Floor(a, rule),
            Floor(b, rule),
            settings,
            chosen?.Setting.ToString(),
            edge,
            Reasons(a, b, settings, chosen, edge, gpu, rule),
            shown.ToString(),
            [.. PairContributions.Of(model, a, b, shown, gpu).Take(top)],
            [.. PairContributions.Of(model, b, a, shown.Swapped, gpu).Take(top)]);
    }

    private static ExplainedFloor Floor(Job job, PairingRule rule) => new(job.QosTarget, job.QosTarget * (1 + rule.Delta), job.GpuMemoryMiB);

    /// <summary>Why there is no edge: the floors each setting misses, or (every floor cleared) the memory the graph checks first.</summary>
    private static List<string> Reasons(Job a, Job b, IReadOnlyList<ExplainedSetting> settings, PairOutcome? chosen, bool edge, GpuModel gpu, PairingRule rule)
    {
        var c = CultureInfo.InvariantCulture;
        if (edge)
        {
            return [];
        }

        if (chosen is not null)
        {
            return [string.Create(c, $"memory: {a.Id} needs {a.GpuMemoryMiB} MiB and {b.Id} {b.GpuMemoryMiB} MiB; together more than the {gpu.Name}'s {gpu.MemoryMiB} MiB")];
        }

        return [.. settings.Select(s => $"{s.Setting}: {string.Join(", ", Misses(s, a, b, rule))}")];
    }

    private static IEnumerable<string> Misses(ExplainedSetting s, Job a, Job b, PairingRule rule)
    {
        var c = CultureInfo.InvariantCulture;
        if (!s.ClearsA)
        {
            yield return string.Create(c, $"{a.Id} {s.NpA:0.000} <= floor {a.QosTarget * (1 + rule.Delta):0.000}");
        }

        if (!s.ClearsB)
        {
            yield return string.Create(c, $"{b.Id} {s.NpB:0.000} <= floor {b.QosTarget * (1 + rule.Delta):0.000}");
        }
    }
}
