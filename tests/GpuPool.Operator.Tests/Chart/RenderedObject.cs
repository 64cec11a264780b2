using YamlDotNet.RepresentationModel;

namespace GpuPool.Operator.Tests.Chart;

/// <summary>One document of a `helm template` output, with path look-ups into it.</summary>
public sealed record RenderedObject(string Kind, string Name, YamlMappingNode Root)
{
    /// <summary>The node at a path of mapping keys, or null when any key is missing.</summary>
    public YamlNode? Find(params string[] path)
    {
        YamlNode current = Root;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public string? Scalar(params string[] path) => (Find(path) as YamlScalarNode)?.Value;

    public IReadOnlyList<YamlNode> Sequence(params string[] path) =>
        Find(path) is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    public string? Label(string key) => Scalar("metadata", "labels", key);
}
