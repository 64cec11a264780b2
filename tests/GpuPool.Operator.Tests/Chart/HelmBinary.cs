namespace GpuPool.Operator.Tests.Chart;

/// <summary>
/// The helm binary the chart tests run: $GPUPOOL_HELM, else the one .ci/chart-tools caches in
/// .cache/tools. Null when neither exists, and the chart tests are skipped.
/// </summary>
public static class HelmBinary
{
    public const string SkipReason = "helm not found: run .ci/chart-tools (or set GPUPOOL_HELM) to run the chart tests";

    public static string? Path { get; } = Find();

    private static string? Find()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("GPUPOOL_HELM"),
            System.IO.Path.Combine(RepositoryPaths.Root, ".cache", "tools", "layer", "helm", "helm"),
        };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }
}
