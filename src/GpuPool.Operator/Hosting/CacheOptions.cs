namespace GpuPool.Operator.Hosting;

/// <summary>
/// Bounds of the prediction caches kept across windows (section GpuPool:Operator:Caches). A cache
/// past its bound starts afresh before the next window, which then predicts its own pairs again;
/// a window that needs more than a bound for itself still gets it. docs/performance.md has the
/// memory each costs.
/// </summary>
public sealed class CacheOptions
{
    /// <summary>
    /// Distinct kernels in the kernel-pair rate tables. Each setting's table holds about this many
    /// squared cells of 33 bytes (35 MiB at 1,024); a window that meets more kernels grows it an
    /// eighth at a time past the bound, and it is dropped before the next window.
    /// </summary>
    public int MaxKernels { get; set; } = 1024;

    /// <summary>Job-profile pairs (and profiles) whose predicted NPs are kept.</summary>
    public int MaxProfilePairs { get; set; } = 200_000;

    /// <summary>
    /// Windows a profile pair is kept without being asked for. Under churn most pairs name a job
    /// that has finished (a job with inline kernels is a profile of its own); they are dropped after
    /// this many windows instead of filling the cache to its bound. A pair asked for again later is
    /// predicted again.
    /// </summary>
    public int ProfilePairIdleWindows { get; set; } = 20;

    /// <summary>Pair decisions kept by job ids (about 100 bytes each); a 1,000-job exact window makes up to 500,000.</summary>
    public int MaxPairDecisions { get; set; } = 1_000_000;
}
