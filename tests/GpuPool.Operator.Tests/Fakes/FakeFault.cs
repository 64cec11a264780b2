using GpuPool.Operator.Ports;

namespace GpuPool.Operator.Tests.Fakes;

/// <summary>
/// What goes wrong with one call: an HTTP status before the write happens (400, 403, 409, 422, 429, 500, 503), a
/// timeout, or a crash of the operator right after the write succeeded.
/// </summary>
public sealed record FakeFault(string Name, int StatusCode, bool CrashAfterWrite)
{
    public static FakeFault Http(int statusCode) => new($"HTTP {statusCode}", statusCode, false);

    public static FakeFault Timeout { get; } = new("timeout", 0, false);

    public static FakeFault CrashAfter { get; } = new("crash after write", 0, true);

    public Exception ToException(string operation) => StatusCode switch
    {
        409 => new ApiConflictException($"{operation}: injected 409"),
        410 => new ResourceExpiredException($"{operation}: injected 410"),
        404 => new ApiNotFoundException($"{operation}: injected 404"),
        400 or 403 or 422 => new ApiRefusedException(StatusCode, "Invalid", "injected refusal", $"{operation}: HTTP {StatusCode} Invalid: injected refusal"),
        _ => new TransientApiException(StatusCode, $"{operation}: injected {Name}"),
    };

    public override string ToString() => Name;
}
