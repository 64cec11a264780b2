namespace GpuPool.Operator.Ports;

/// <summary>
/// 400, 403, 422 and any other 4xx the port does not name: the API server will not accept this
/// write as it is (an invalid field, a forbidden namespace policy). Never retried; the caller marks
/// the object it concerns. <see cref="Reason"/> and <see cref="ApiMessage"/> are the API's Status.
/// </summary>
public sealed class ApiRefusedException : Exception
{
    public ApiRefusedException()
    {
    }

    public ApiRefusedException(string message)
        : base(message)
    {
    }

    public ApiRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiRefusedException(int statusCode, string reason, string apiMessage, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
        ApiMessage = apiMessage;
    }

    public int StatusCode { get; }

    /// <summary>The Status reason (Invalid, Forbidden, BadRequest), empty when the body had none.</summary>
    public string Reason { get; } = string.Empty;

    /// <summary>The Status message (which field, which policy), empty when the body had none.</summary>
    public string ApiMessage { get; } = string.Empty;

    /// <summary>"HTTP 422 Invalid: ..." for a condition's message.</summary>
    public string Describe() => $"HTTP {StatusCode} {Reason}: {ApiMessage}";
}
