using System.Globalization;

namespace GpuPool.Operator.Scheduling;

/// <summary>Times as the API server writes them: UTC, whole seconds, "Z".</summary>
public static class Rfc3339
{
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Format(DateTime time) => Format(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)));
}
