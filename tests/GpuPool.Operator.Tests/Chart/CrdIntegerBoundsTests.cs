using System.Reflection;
using System.Text.Json.Serialization;
using GpuPool.Operator.Resources;
using YamlDotNet.RepresentationModel;

namespace GpuPool.Operator.Tests.Chart;

/// <summary>
/// Every integer of the CRD schemas is bounded to the C# field it is read into, so the API server
/// refuses a number the operator could not read (one such object once failed the whole list).
/// </summary>
[Trait("Category", "Chart")]
public sealed class CrdIntegerBoundsTests
{
    public static TheoryData<string, string, Type> Schemas => new()
    {
        { "gpupool.io_gpujobs.yaml", "spec", typeof(GpuJobSpec) },
        { "gpupool.io_gpujobs.yaml", "status", typeof(GpuJobStatus) },
        { "gpupool.io_gpuprofiles.yaml", "spec", typeof(GpuProfileSpec) },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_integer_is_bounded_to_the_model_field_it_is_read_into(string file, string root, Type model)
    {
        var schema = RootSchema(file, root);
        var problems = new List<string>();
        var integers = Check(schema, model, root, problems);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(integers > 0, $"{file} {root}: no integer found, so the walk is wrong");
    }

    private static int Check(YamlMappingNode schema, Type model, string path, List<string> problems)
    {
        var count = 0;
        if (!schema.Children.TryGetValue("properties", out var propertiesNode))
        {
            return 0;
        }

        foreach (var (key, value) in ((YamlMappingNode)propertiesNode).Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var field = model.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == name);
            var node = (YamlMappingNode)value;
            var where = path + "." + name;
            if (field is null)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(field.PropertyType) ?? field.PropertyType;
            var elementType = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;
            switch (Scalar(node, "type"))
            {
                case "integer":
                    count++;
                    CheckInteger(node, type, where, problems);
                    break;
                case "object" when type.Namespace == typeof(GpuJobSpec).Namespace:
                    count += Check(node, type, where, problems);
                    break;
                case "array" when elementType is not null && node.Children.TryGetValue("items", out var items):
                    count += Check((YamlMappingNode)items, elementType, where + "[]", problems);
                    break;
            }
        }

        return count;
    }

    private static void CheckInteger(YamlMappingNode node, Type type, string where, List<string> problems)
    {
        var (format, min, max) = type == typeof(int) ? ("int32", (decimal)int.MinValue, (decimal)int.MaxValue)
            : type == typeof(long) ? ("int64", long.MinValue, long.MaxValue)
            : (string.Empty, 0m, 0m);
        if (format.Length == 0)
        {
            problems.Add($"{where}: integer in the schema, {type.Name} in the model");
            return;
        }

        if (Scalar(node, "format") != format)
        {
            problems.Add($"{where}: needs format {format} (the model holds {type.Name})");
        }

        // int64 is the API server's own integer: no wider value reaches the model.
        if (format == "int32" && !(Bound(node, "minimum") >= min && Bound(node, "maximum") <= max))
        {
            problems.Add($"{where}: needs minimum and maximum within {type.Name} ({min}..{max})");
        }
    }

    private static decimal? Bound(YamlMappingNode node, string key) =>
        Scalar(node, key) is { } text ? decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;

    private static YamlMappingNode RootSchema(string file, string root)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "crds", file)))
        {
            yaml.Load(reader);
        }

        var crd = (YamlMappingNode)yaml.Documents[0].RootNode;
        var version = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)crd["spec"])["versions"])[0];
        var schema = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)version["schema"])["openAPIV3Schema"])["properties"];
        return (YamlMappingNode)schema[root];
    }
}
