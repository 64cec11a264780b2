namespace GpuPool.Operator.Ports;

/// <summary>410 Gone: the resourceVersion to watch from was compacted; list again.</summary>
public sealed class ResourceExpiredException : Exception
{
    public ResourceExpiredException()
    {
    }

    public ResourceExpiredException(string message)
        : base(message)
    {
    }

    public ResourceExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
