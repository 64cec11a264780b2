using System.Collections.Concurrent;
using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.JobWise;
using GpuPool.Prediction.Models;

namespace GpuPool.Prediction.Pairing;

/// <summary>
/// GpuPool's two-stage predictor. Stage 1: the kernel-wise model gives each kernel pair's NP at the
/// thread-block quotas a fine-grained split implies (cached: the same kernels recur across jobs and
/// windows). Stage 2: those NPs form the interference matrix, and the steady-state timeline turns
/// it into each job's NP. Thread-safe.
/// </summary>
public sealed class ModelPairPredictor : IPairPredictor
{
    // Guards the timeline against a model answering nonsense far outside the NP range it was trained on.
    private const double MinRate = 0.01;
    private const double MaxRate = 1.2;

    private readonly KernelNpModel _model;
    private readonly GpuModel _gpu;
    private readonly SteadyStateOptions _options;
    private readonly ConcurrentDictionary<KernelPairKey, (double RateA, double RateB)> _cache = new();

    public ModelPairPredictor(KernelNpModel model, GpuModel gpu, SteadyStateOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(options);
        _model = model;
        _gpu = gpu;
        _options = options.Validated();
    }

    /// <summary>Distinct kernel pairs predicted so far.</summary>
    public int CachedKernelPairs => _cache.Count;

    /// <summary>
    /// One outcome per setting, in order. Exclusive: A alone (NP 1) and B not running (NP 0).
    /// Partitioned: each kernel progresses at its job's SM share with no interference (the model
    /// is not trained on SM slices; MIG isolates them). Fine-grained: the two-stage prediction.
    /// </summary>
    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(settings);
        var sequenceA = KernelSequence.Of(a);
        var sequenceB = KernelSequence.Of(b);
        var outcomes = new PairOutcome[settings.Count];
        for (var s = 0; s < settings.Count; s++)
        {
            var setting = settings[s] ?? throw new ArgumentException($"settings[{s}] is null.", nameof(settings));
            if (setting.IsExclusive)
            {
                outcomes[s] = new PairOutcome(setting, 1.0, 0.0);
                continue;
            }

            var matrix = setting.Mode == SharingMode.Partitioned
                ? InterferenceMatrix.Uniform(a.Kernels.Count, b.Kernels.Count, setting.ShareA, setting.ShareB)
                : Matrix(a, b, setting);
            var result = SteadyStateTimeline.Run(sequenceA, sequenceB, matrix, _options);
            outcomes[s] = new PairOutcome(setting, result.NpA, result.NpB);
        }

        return outcomes;
    }

    /// <summary>Stage 1 for one split: every kernel of A against every kernel of B.</summary>
    public InterferenceMatrix Matrix(Job a, Job b, SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(setting);
        var (rows, columns) = (a.Kernels.Count, b.Kernels.Count);
        var rateA = new double[rows * columns];
        var rateB = new double[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var (ra, rb) = _cache.GetOrAdd(new KernelPairKey(a.Kernels[i], b.Kernels[j], setting.ShareA), PredictKernelPair, setting);
                rateA[(i * columns) + j] = ra;
                rateB[(i * columns) + j] = rb;
            }
        }

        return new InterferenceMatrix(rows, columns, rateA, rateB);
    }

    /// <summary>Stage 1 for one kernel pair at explicit quotas (uncached), clamped to the range the timeline accepts.</summary>
    public (double RateA, double RateB) KernelPairRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB)
    {
        var x = new KernelAtQuota(a, quotaA, _gpu);
        var y = new KernelAtQuota(b, quotaB, _gpu);
        return (Clamp(_model.Predict(x, y)), Clamp(_model.Predict(y, x)));
    }

    private (double RateA, double RateB) PredictKernelPair(KernelPairKey key, SharingSetting setting)
    {
        var (quotaA, quotaB) = setting.ThreadBlockQuotas(key.A.Geometry, key.B.Geometry, _gpu);
        return KernelPairRates(key.A, key.B, quotaA, quotaB);
    }

    private static double Clamp(double np) => Math.Clamp(np, MinRate, MaxRate);
}
