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
    /// <summary>
    /// Writes one ceiling per setting, in order, into <paramref name="ceilings"/> (at least as long
    /// as <paramref name="settings"/>): Predict never answers a higher NpA or NpB for that setting.
    /// A span, not a list: this runs for every candidate pair of a window and must not allocate.
    /// </summary>
    void UpperBounds(Job a, Job b, IReadOnlyList<SharingSetting> settings, Span<NpCeiling> ceilings);

    /// <summary>
    /// The NPs <see cref="IPairPredictor.Predict"/> answers for one setting. Branch and bound asks
    /// setting by setting, hundreds of thousands of times a window, so a predictor on that path
    /// answers without allocating; any other may keep this default.
    /// </summary>
    PairNp Predict(Job a, Job b, SharingSetting setting) => PairNp.Of(Predict(a, b, [setting])[0]);
}
