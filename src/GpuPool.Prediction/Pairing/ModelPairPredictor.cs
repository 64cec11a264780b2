using System.Runtime.CompilerServices;
using GpuPool.Core.Caching;
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
/// thread-block quotas a fine-grained split implies (cached in dense per-setting tables: the same
/// kernels recur across jobs and windows). Stage 2: those NPs form the interference matrix, and
/// the steady-state timeline turns it into each job's NP, the survivor of a pair finishing under
/// the share it keeps (its kernels' alone rates at that share's quota, <see cref="AloneRateCurve"/>).
/// Thread-safe.
/// </summary>
public sealed class ModelPairPredictor : IBoundedPairPredictor, IBoundedCache
{
    // Guards the timeline against a model answering nonsense far outside the NP range it was trained on.
    private const double MinRate = 0.01;
    private const double MaxRate = 1.2;

    // Jobs of up to this many kernels keep the ceilings' per-kernel inputs on the stack.
    private const int StackKernels = 1024;

    private readonly KernelNpModel _model;
    private readonly GpuModel _gpu;
    private readonly SteadyStateOptions _options;
    private readonly AloneRateCurve _alone;
    private readonly int _maxKernels;
    private volatile KernelRateTables _tables;

    /// <param name="maxKernels">
    /// Distinct kernels remembered between windows (<see cref="Trim"/>); each setting's rate table
    /// holds about this many squared cells of 33 bytes (it doubles up to the bound, then grows an
    /// eighth at a time). Unbounded by default: a one-off run (simulation, evaluation) never trims.
    /// </param>
    /// <param name="aloneRates">
    /// How fast a kernel runs alone at a quota: a profile's quota runs where it has them, else the
    /// occupancy curve (by default the one fitted on the GPUPool artifact).
    /// </param>
    public ModelPairPredictor(KernelNpModel model, GpuModel gpu, SteadyStateOptions options, int maxKernels = int.MaxValue, AloneRateCurve? aloneRates = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxKernels);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(options);
        _model = model;
        _gpu = gpu;
        _options = options.Validated();
        _alone = aloneRates ?? new AloneRateCurve(gpu, AloneRateCurve.ArtifactOccupancyExponent);
        _maxKernels = maxKernels;
        _tables = new KernelRateTables(maxKernels);
    }

    /// <summary>Kernel pairs (per setting) the kernel-wise model has answered so far.</summary>
    public int CachedKernelPairs => _tables.PredictedCells;

    /// <summary>Distinct kernels (by id) numbered in the rate tables now.</summary>
    public int CachedKernels => _tables.Kernels;

    /// <summary>Cells allocated in the rate tables, all settings (33 bytes each): the memory they hold.</summary>
    public long CachedKernelCells => _tables.AllocatedCells;

    public IReadOnlyList<CacheSize> Sizes => [new("kernels", CachedKernels), new("kernel_pair_rates", CachedKernelPairs), new("kernel_rate_cells", CachedKernelCells)];

    /// <summary>
    /// Past the kernel bound, starts afresh: the next window numbers only its own jobs' kernels and
    /// asks the model again for the kernel pairs they meet (a few thousand calls for a typical
    /// window), which is cheaper than keeping every kernel ever seen (the tables grow as kernels^2).
    /// </summary>
    public bool Trim()
    {
        if (_tables.Kernels <= _maxKernels)
        {
            return false;
        }

        _tables = new KernelRateTables(_maxKernels);
        return true;
    }

    /// <summary>
    /// One outcome per setting, in order. Exclusive: A alone (NP 1) and B not running (NP 0).
    /// Partitioned: each kernel progresses at its job's SM share with no interference (the model
    /// is not trained on SM slices; MIG isolates them). Fine-grained: the two-stage prediction.
    /// </summary>
    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (tables, ja, jb) = Prepare(a, b);
        var outcomes = new PairOutcome[settings.Count];
        for (var s = 0; s < settings.Count; s++)
        {
            var setting = Setting(settings, s);
            var np = Predict(tables, ja, jb, setting);
            outcomes[s] = new PairOutcome(setting, np.NpA, np.NpB);
        }

        return outcomes;
    }

    /// <summary>One setting of <see cref="Predict(Job, Job, IReadOnlyList{SharingSetting})"/>, without allocating.</summary>
    public PairNp Predict(Job a, Job b, SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var (tables, ja, jb) = Prepare(a, b);
        return Predict(tables, ja, jb, setting);
    }

    /// <summary>
    /// Ceilings of <see cref="Predict(Job, Job, SharingSetting)"/> from each kernel's fastest rate beside the partner's
    /// kernels (<see cref="SteadyStateBounds"/>), in O(kernels x kernels) without the timeline.
    /// </summary>
    [SkipLocalsInit]
    public void UpperBounds(Job a, Job b, IReadOnlyList<SharingSetting> settings, Span<NpCeiling> ceilings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (tables, ja, jb) = Prepare(a, b);
        Span<double> fastestA = ja.Count <= StackKernels ? stackalloc double[ja.Count] : new double[ja.Count];
        Span<double> fastestB = jb.Count <= StackKernels ? stackalloc double[jb.Count] : new double[jb.Count];
        for (var s = 0; s < settings.Count; s++)
        {
            var setting = Setting(settings, s);
            if (setting.IsExclusive)
            {
                ceilings[s] = new NpCeiling(1.0, 0.0);
                continue;
            }

            if (setting.Mode == SharingMode.Partitioned)
            {
                fastestA.Fill(setting.ShareA);
                fastestB.Fill(setting.ShareB);
            }
            else
            {
                tables.TableFor(setting).Fastest(ja, jb, fastestA, fastestB, (Predictor: this, A: a, B: b, Setting: setting), PredictCell);
            }

            var (npA, npB) = SteadyStateBounds.Run(ja.Sequence, jb.Sequence, fastestA, fastestB, _options);
            ceilings[s] = new NpCeiling(npA, npB);
        }
    }

    /// <summary>Stage 1 for one split: every kernel of A against every kernel of B.</summary>
    public InterferenceMatrix Matrix(Job a, Job b, SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var (tables, ja, jb) = Prepare(a, b);
        var (rateA, rateB) = (new double[ja.Count * jb.Count], new double[ja.Count * jb.Count]);
        Rates(tables, ja, jb, setting, rateA, rateB);
        return new InterferenceMatrix(ja.Count, jb.Count, rateA, rateB);
    }

    /// <summary>Stage 1 for one kernel pair at explicit quotas (uncached), clamped to the range the timeline accepts.</summary>
    public (double RateA, double RateB) KernelPairRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB)
    {
        var x = new KernelAtQuota(a, quotaA, _gpu);
        var y = new KernelAtQuota(b, quotaB, _gpu);
        return (Clamp(_model.Predict(x, y)), Clamp(_model.Predict(y, x)));
    }

    /// <summary>
    /// How fast a kernel runs alone at <paramref name="quota"/> thread blocks per SM, as the
    /// survivor of a pair does: never faster than alone with the whole GPU.
    /// </summary>
    public double AloneRate(KernelProfile kernel, int quota) => Math.Clamp(_alone.Rate(kernel, quota), MinRate, 1.0);

    /// <summary>Each job's slowness once alone under <paramref name="setting"/> (seen from <paramref name="a"/>), as the timeline uses it.</summary>
    public AloneSlowness AloneSlowness(Job a, Job b, SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var (_, ja, jb) = Prepare(a, b);
        return Survivors(ja, jb, setting);
    }

    /// <summary>Both jobs numbered in one instance of the tables (a trim between two lookups must not mix numberings).</summary>
    private (KernelRateTables Tables, JobKernels A, JobKernels B) Prepare(Job a, Job b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var tables = _tables;
        return (tables, tables.KernelsOf(a), tables.KernelsOf(b));
    }

    private PairNp Predict(KernelRateTables tables, JobKernels a, JobKernels b, SharingSetting setting)
    {
        if (setting.IsExclusive)
        {
            return new PairNp(1.0, 0.0);
        }

        var result = setting.Mode == SharingMode.Partitioned
            ? SteadyStateTimeline.Run(a.Sequence, b.Sequence, PartitionedCells(tables, a, b, setting), _options, Survivors(a, b, setting))
            : SteadyStateTimeline.Run(a.Sequence, b.Sequence, tables.TableFor(setting).InPlace(a, b, (Predictor: this, A: a.Job, B: b.Job, Setting: setting), PredictCell), _options, Survivors(a, b, setting));
        return new PairNp(result.NpA, result.NpB);
    }

    // A slice keeps its share of the SMs at the partition's rate; a share keeps its quota.
    private AloneSlowness Survivors(JobKernels a, JobKernels b, SharingSetting setting) => setting.Mode switch
    {
        SharingMode.Partitioned => new AloneSlowness(1 / setting.ShareA, 1 / setting.ShareB),
        SharingMode.FineGrained => new AloneSlowness(AloneSlownessOf(a, setting.ShareA), AloneSlownessOf(b, setting.ShareB)),
        _ => JobWise.AloneSlowness.WholeGpu,
    };

    /// <summary>
    /// A job's seconds per isolated second alone at <paramref name="share"/>: its iteration's mix
    /// of kernel alone rates at the share's quota (see <see cref="AloneSlowness"/>).
    /// </summary>
    private double AloneSlownessOf(JobKernels job, double share) => job.AloneSlowness(share, static (state, share) =>
    {
        var (predictor, kernels) = state;
        var setting = SharingSetting.Split(share);
        var seconds = kernels.Sum(k => k.IsolatedSeconds / predictor.AloneRate(k, setting.AloneQuota(k.Geometry, predictor._gpu)));
        return seconds / kernels.Sum(k => k.IsolatedSeconds);
    }, (Predictor: this, Kernels: job.Job.Kernels));

    private static SharingSetting Setting(IReadOnlyList<SharingSetting> settings, int s) =>
        settings[s] ?? throw new ArgumentException($"settings[{s}] is null.", nameof(settings));

    private void Rates(KernelRateTables tables, JobKernels a, JobKernels b, SharingSetting setting, Span<double> rateA, Span<double> rateB)
    {
        if (setting.Mode == SharingMode.Partitioned)
        {
            rateA.Fill(setting.ShareA);
            rateB.Fill(setting.ShareB);
            return;
        }

        tables.TableFor(setting).Fill(a, b, rateA, rateB, (Predictor: this, A: a.Job, B: b.Job, Setting: setting), PredictCell);
    }

    /// <summary>A partitioned setting's cells (its rates do not depend on the kernels, see <see cref="Rates"/>).</summary>
    private MatrixCells PartitionedCells(KernelRateTables tables, JobKernels a, JobKernels b, SharingSetting setting)
    {
        var (rateA, rateB) = (new double[a.Count * b.Count], new double[a.Count * b.Count]);
        Rates(tables, a, b, setting, rateA, rateB);
        return new MatrixCells(rateA, rateB, b.Count);
    }

    private static (double RateA, double RateB) PredictCell((ModelPairPredictor Predictor, Job A, Job B, SharingSetting Setting) state, int i, int j) =>
        state.Predictor.PredictKernelPair(state.A.Kernels[i], state.B.Kernels[j], state.Setting);

    private (double RateA, double RateB) PredictKernelPair(KernelProfile a, KernelProfile b, SharingSetting setting)
    {
        var (quotaA, quotaB) = setting.ThreadBlockQuotas(a.Geometry, b.Geometry, _gpu);
        return KernelPairRates(a, b, quotaA, quotaB);
    }

    private static double Clamp(double np) => Math.Clamp(np, MinRate, MaxRate);
}
