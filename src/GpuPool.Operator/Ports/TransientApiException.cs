namespace GpuPool.Operator.Ports;

/// <summary>429, 5xx or a transport failure: worth retrying with backoff.</summary>
public sealed class TransientApiException : Exception
{
    public TransientApiException()
    {
    }

    public TransientApiException(string message)
        : base(message)
    {
    }

    public TransientApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TransientApiException(int statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status, or 0 for a transport failure.</summary>
    public int StatusCode { get; }
}
