using GpuPool.Core.Jobs;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;

namespace GpuPool.Operator.Hosting;

/// <summary>
/// The predictor seam's safe default until the trained model is wired in (see
/// <see cref="OperatorServiceCollectionExtensions"/>): with no model, interference is unknown, so
/// every pair is predicted at NP 0 and no pair clears any QoS target. Jobs then run alone.
/// </summary>
public sealed class NoModelPredictor : IPairPredictor
{
    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. settings.Select(s => new PairOutcome(s, 0, 0))];
    }
}
