namespace GpuPool.Operator.Scheduling;

/// <summary>Reads a label or annotation that may be absent (the models expose them as nullable IDictionary).</summary>
public static class MetadataValues
{
    public static string? Get(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;
}
