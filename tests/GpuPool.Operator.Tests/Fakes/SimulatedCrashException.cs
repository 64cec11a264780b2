namespace GpuPool.Operator.Tests.Fakes;

/// <summary>Thrown right after a write succeeded: the operator process "dies" there and is restarted by the test.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
