using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Prediction;

/// <summary>
/// A predictor that can also say, much more cheaply than <see cref="IPairPredictor.Predict"/>, how
/// high each job's NP could at most be under each setting. A setting whose ceiling already misses
/// a QoS floor need not be predicted: <see cref="PairingRule"/> skips it, with the same answer.
/// </summary>
public interface IBoundedPairPredictor : IPairPredictor
{
    /// <summary>One ceiling per setting, in order: Predict never answers a higher NpA or NpB for that setting.</summary>
    IReadOnlyList<PairOutcome> UpperBounds(Job a, Job b, IReadOnlyList<SharingSetting> settings);
}
