using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Models;

namespace GpuPool.Prediction.Explaining;

/// <summary>
/// The features that moved a job's predicted NP beside a partner under one setting: the model's
/// per-feature contributions for every kernel pair of the two jobs at the quotas the setting
/// gives them (as <see cref="Pairing.ModelPairPredictor"/> predicts them), weighted by the time
/// each kernel takes of its job's iteration, largest magnitude first.
/// </summary>
public static class PairContributions
{
    public static IReadOnlyList<FeatureEffect> Of(KernelNpModel model, Job job, Job partner, SharingSetting setting, GpuModel gpu)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(setting);
        var rows = new List<float[]>(job.Kernels.Count * partner.Kernels.Count);
        var weights = new List<double>(rows.Capacity);
        foreach (var x in job.Kernels)
        {
            foreach (var y in partner.Kernels)
            {
                var (quotaX, quotaY) = setting.ThreadBlockQuotas(x.Geometry, y.Geometry, gpu);
                rows.Add(model.Features.Extract(new KernelAtQuota(x, quotaX, gpu), new KernelAtQuota(y, quotaY, gpu)));
                weights.Add(x.IsolatedSeconds / job.IterationSeconds * (y.IsolatedSeconds / partner.IterationSeconds));
            }
        }

        var effects = new double[model.Features.Count];
        var contributions = model.Contributions(rows);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var f = 0; f < effects.Length; f++)
            {
                effects[f] += weights[r] * contributions[r][f];
            }
        }

        return [.. effects.Select((e, f) => new FeatureEffect(model.Features.Schema.Names[f], e)).OrderByDescending(e => Math.Abs(e.Effect))];
    }
}
