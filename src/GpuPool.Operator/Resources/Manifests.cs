using k8s;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace GpuPool.Operator.Resources;

/// <summary>
/// The documents of one kind in a multi-document YAML manifest, as `kubectl apply -f` reads them.
/// Read through JSON with the client's own serializer: its YAML reader cannot fill the resources'
/// read-only lists. A document that is not valid YAML, or not the resource it claims to be, is
/// refused with its position in the file.
/// </summary>
public static class Manifests
{
    public static IReadOnlyList<T> Read<T>(TextReader manifest, string kind, string source)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(kind);
        var yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        var items = new List<T>();
        var document = 0;
        try
        {
            var parser = new Parser(manifest);
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                document++;
                var fields = yaml.Deserialize<Dictionary<string, object>>(parser);
                if (fields is not null && fields.TryGetValue("kind", out var k) && Equals(k, kind))
                {
                    items.Add(KubernetesJson.Deserialize<T>(json.Serialize(fields)));
                }
            }
        }
        catch (Exception e) when (e is YamlException or System.Text.Json.JsonException or InvalidCastException)
        {
            throw new InvalidDataException($"{source}: document {document}: not a readable {kind} manifest: {e.Message}", e);
        }

        return items;
    }
}
