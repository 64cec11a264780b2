namespace GpuPool.Operator.Ports;

/// <summary>404: the object is gone (deleted meanwhile).</summary>
public sealed class ApiNotFoundException : Exception
{
    public ApiNotFoundException()
    {
    }

    public ApiNotFoundException(string message)
        : base(message)
    {
    }

    public ApiNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
