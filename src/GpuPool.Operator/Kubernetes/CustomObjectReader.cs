using System.Text.Json;
using GpuPool.Operator.Ports;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Kubernetes;

/// <summary>
/// Reads one custom object at a time, so a single object the model cannot hold (a number wider than
/// its field, a template that is not a PodTemplateSpec) is skipped and named instead of failing the
/// list it came in.
/// </summary>
public static class CustomObjectReader
{
    public static T Read<T>(object raw) => raw switch
    {
        T typed => typed,
        JsonElement element => KubernetesJson.Deserialize<T>(element.GetRawText()),
        _ => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(raw)),
    };

    /// <summary>Every item of a list answer that reads, and the rest as <see cref="UnreadableObject"/>s.</summary>
    public static ResourceList<T> ReadList<T>(CustomResourceList<JsonElement> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var items = new List<T>();
        var unreadable = new List<UnreadableObject>();
        foreach (var element in list.Items ?? [])
        {
            if (TryRead<T>(element, out var item, out var problem))
            {
                items.Add(item);
            }
            else
            {
                unreadable.Add(problem);
            }
        }

        return new ResourceList<T>(items, list.Metadata?.ResourceVersion ?? string.Empty, unreadable);
    }

    public static bool TryRead<T>(object raw, out T item, out UnreadableObject problem)
    {
        try
        {
            item = Read<T>(raw);
            problem = null!;
            return true;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            item = default!;
            problem = Describe(raw, e.Message);
            return false;
        }
    }

    public static bool IsUnreadable(Exception error) =>
        error is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException;

    /// <summary>What the object's metadata says; a name of "?" when even that cannot be read.</summary>
    public static UnreadableObject Describe(object raw, string error)
    {
        V1ObjectMeta? meta = null;
        try
        {
            var element = raw is JsonElement e ? e : JsonSerializer.SerializeToElement(raw);
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("metadata", out var metadata))
            {
                meta = KubernetesJson.Deserialize<V1ObjectMeta>(metadata.GetRawText());
            }
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            // Nothing to name it by: it is still counted and logged.
        }

        return new UnreadableObject(meta?.NamespaceProperty, meta?.Name ?? "?", meta?.Uid, meta?.ResourceVersion, Truncate(error));
    }

    // A message can echo a huge field; a condition and an Event carry a bounded text.
    private static string Truncate(string error) => error.Length <= 512 ? error : error[..512] + "…";
}
