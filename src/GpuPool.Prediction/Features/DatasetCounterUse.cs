namespace GpuPool.Prediction.Features;

/// <summary>Which of a data set's counters the catalogue does not know are read (<see cref="DatasetCounters"/>).</summary>
public enum DatasetCounterUse
{
    /// <summary>
    /// All of them when the data set names fewer than <see cref="DatasetCounters.KernelLevelCounters"/>
    /// of the catalogue's counters (a job-level summary), none when it names that many (a kernel
    /// profiler's export, which the catalogue's features were built for).
    /// </summary>
    Auto,

    All,

    None,
}
