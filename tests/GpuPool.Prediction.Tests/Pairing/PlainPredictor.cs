using GpuPool.Core.Jobs;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;

namespace GpuPool.Prediction.Tests.Pairing;

/// <summary>Hides a predictor's ceilings: the pairing rule then predicts every setting of every pair.</summary>
internal sealed class PlainPredictor(IPairPredictor inner) : IPairPredictor
{
    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings) => inner.Predict(a, b, settings);
}
