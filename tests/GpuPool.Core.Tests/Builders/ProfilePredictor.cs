using GpuPool.Core.Jobs;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Tests.Builders;

/// <summary>
/// A deterministic predictor whose NPs depend only on the two jobs' profiles (kernel ids and
/// iterations) and the setting, as a real predictor's do. Counts calls (thread-safe).
/// </summary>
internal sealed class ProfilePredictor : IPairPredictor
{
    private int _calls;

    public int Calls => _calls;

    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        Interlocked.Increment(ref _calls);
        return settings.Select(s =>
        {
            var random = new Random(StableHash($"{Profile(a)}/{Profile(b)}/{s.ShareA}"));
            return new PairOutcome(s, 0.4 + (0.6 * random.NextDouble()), 0.4 + (0.6 * random.NextDouble()));
        }).ToList();
    }

    private static string Profile(Job job) => string.Join(',', job.Kernels.Select(k => k.Id)) + "x" + job.Iterations;

    // string.GetHashCode is randomised per process; tests need the same NPs every run.
    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}
