using GpuPool.Core.Caching;

namespace GpuPool.Benchmarks.Churn;

/// <summary>
/// The process after one window: resident memory as it stood, the most it stood at after any
/// window since the last sample, and after a full blocking collection that compacts the large
/// object heap too; the managed heap after it and the memory the collector keeps committed; the
/// peak so far; the operator's cache gauges; and the mean wall and process CPU
/// time of the windows since the last sample.
/// </summary>
internal sealed record ChurnSample(
    int Window,
    int JobsInCluster,
    int DistinctKernels,
    int Finished,
    double MeanWindowMs,
    double MeanWindowCpuMs,
    double RssMiB,
    double IntervalMaxRssMiB,
    double RssAfterGcMiB,
    double HeapMiB,
    double GcCommittedMiB,
    double PeakRssMiB,
    ResidentParts AfterGc,
    double FragmentedMiB,
    IReadOnlyList<CacheSize> Caches,
    long CacheResets);
