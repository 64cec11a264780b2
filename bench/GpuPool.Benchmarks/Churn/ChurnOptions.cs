namespace GpuPool.Benchmarks.Churn;

/// <summary>
/// The churn run's shape. Defaults: 200 windows; each brings 40 jobs (24 with 2 new inline kernels,
/// 16 running one of 10 shared profiles) and 2 profile edits (one new kernel each), so 50 new
/// kernels a window and 10,000 over the run (plus the profiles' first 30). A pod runs 3 windows;
/// a finished job is deleted with its pod the window after. 40 nodes of 4 GPUs hold every job.
/// </summary>
internal sealed record ChurnOptions
{
    public int Windows { get; init; } = 200;

    public int SampleEvery { get; init; } = 20;

    public int Nodes { get; init; } = 40;

    public int GpusPerNode { get; init; } = 4;

    public int ArrivalsPerWindow { get; init; } = 40;

    public int InlineJobsPerWindow { get; init; } = 24;

    public int KernelsPerInlineJob { get; init; } = 2;

    public int Profiles { get; init; } = 10;

    public int KernelsPerProfile { get; init; } = 3;

    public int ProfileEditsPerWindow { get; init; } = 2;

    public int RunningWindows { get; init; } = 3;

    /// <summary>
    /// The stated bound on resident memory at every sample: half the chart's container limit
    /// (1 GiB), so the operator keeps room below it.
    /// </summary>
    public double RssBoundMiB { get; init; } = 512;

    /// <summary>Samples from this window on are fitted for the trend.</summary>
    public int TrendFrom { get; init; } = 100;

    /// <summary>Largest RSS growth per 100 windows over the trend samples still read as flat.</summary>
    public double FlatSlopeMiBPer100Windows { get; init; } = 10;

    public int KernelsOverRun =>
        (Profiles * KernelsPerProfile) + (Windows * ((InlineJobsPerWindow * KernelsPerInlineJob) + ProfileEditsPerWindow));
}
