namespace GpuPool.Simulation.Gpus;

/// <summary>
/// A calibration's linear system has no unique solution: the data set's counters or co-runs do not
/// determine the model (a counter far out of scale with the others, or too few distinct co-runs).
/// Bad input, not a bug: callers name the data set.
/// </summary>
public sealed class SingularSystemException : InvalidOperationException
{
    public SingularSystemException()
        : base("The calibration system is singular: the data set's counters and co-runs do not determine the model (a counter far out of scale with the others, or too few distinct co-runs).")
    {
    }

    public SingularSystemException(string message)
        : base(message)
    {
    }

    public SingularSystemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
