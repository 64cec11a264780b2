namespace GpuPool.Operator.Ports;

/// <summary>409: the object already exists or is already bound. A lost race, never retried blindly.</summary>
public sealed class ApiConflictException : Exception
{
    public ApiConflictException()
    {
    }

    public ApiConflictException(string message)
        : base(message)
    {
    }

    public ApiConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
