using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace GpuPool.Operator.Tests.Chart;

/// <summary>Renders charts/gpupool with `helm template` and parses every document.</summary>
public static class HelmChart
{
    public const string Release = "gpupool";

    public const string Namespace = "gpupool-system";

    /// <summary>Renders with extra helm arguments (e.g. "--set", "operator.replicas=3").</summary>
    public static IReadOnlyList<RenderedObject> Render(params string[] arguments)
    {
        var helm = HelmBinary.Path ?? throw new InvalidOperationException(HelmBinary.SkipReason);
        var start = new ProcessStartInfo(helm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { "template", Release, RepositoryPaths.Chart, "--namespace", Namespace }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {helm}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"helm template {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
        }

        return Parse(stdout);
    }

    private static List<RenderedObject> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents
            .Select(d => d.RootNode)
            .OfType<YamlMappingNode>()
            .Select(root => new RenderedObject(
                ((YamlScalarNode)root["kind"]).Value ?? string.Empty,
                ((YamlScalarNode)root["metadata"]["name"]).Value ?? string.Empty,
                root))
            .ToList();
    }
}
