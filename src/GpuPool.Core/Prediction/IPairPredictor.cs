using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Prediction;

/// <summary>
/// The NP of two jobs sharing one GPU. The trained model answers with predictions; the simulated
/// GPU answers with ground truth through the same interface (the TrueNpMatching policy uses that).
/// </summary>
public interface IPairPredictor
{
    /// <summary>One outcome per setting, in the order given; settings are seen from <paramref name="a"/>.</summary>
    IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings);
}
