using GpuPool.Operator.Resources;
using k8s;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace GpuPool.Node.Tests;

/// <summary>The repository's samples, and a generated batch built on them, as a user would apply them.</summary>
public static class Workloads
{
    /// <summary>
    /// Every document of a sample file of kind KIND, read through JSON with the client's own
    /// serializer (its YAML reader cannot fill the resources' read-only lists).
    /// </summary>
    public static IReadOnlyList<T> Sample<T>(string file, string kind)
    {
        var yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file)));
        var parser = new Parser(reader);
        parser.Consume<StreamStart>();
        var items = new List<T>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = yaml.Deserialize<Dictionary<string, object>>(parser);
            if (document is not null && document.TryGetValue("kind", out var k) && Equals(k, kind))
            {
                items.Add(KubernetesJson.Deserialize<T>(json.Serialize(document)));
            }
        }

        return items;
    }
}
