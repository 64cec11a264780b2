using System.Text.Json;
using GpuPool.Contracts.Workloads;
using GpuPool.Core.Kernels;

namespace GpuPool.Cli.SimRun;

/// <summary>
/// Reads the workload JSON and checks every field through the domain constructors; errors name the
/// source, the JSON path and, for syntax errors, the line and column.
/// </summary>
internal static class WorkloadParser
{
    public static Workload Parse(string json, string source)
    {
        WorkloadDocument? document;
        try
        {
            document = WorkloadDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new FormatException($"{source}{where}: not a workload JSON document ({e.Path ?? "$"}): {e.Message}", e);
        }

        if (document is null)
        {
            throw new FormatException($"{source}: the workload is null.");
        }

        if (string.IsNullOrWhiteSpace(document.Job))
        {
            throw new FormatException($"{source}: $.job is missing or empty.");
        }

        if (document.Iterations <= 0)
        {
            throw new FormatException($"{source}: $.iterations must be a positive integer (got {document.Iterations}).");
        }

        if (document.Kernels is not { Count: > 0 } kernels)
        {
            throw new FormatException($"{source}: $.kernels must list at least one kernel.");
        }

        return new Workload(document.Job, document.Iterations, kernels.Select((k, i) => ToProfile(k, i, source)).ToList());
    }

    private static KernelProfile ToProfile(KernelSpec? kernel, int index, string source)
    {
        var path = $"$.kernels[{index}]";
        if (kernel is null)
        {
            throw new FormatException($"{source}: {path} is null.");
        }

        try
        {
            var geometry = new LaunchGeometry(kernel.GridBlocks, kernel.ThreadsPerBlock, kernel.RegistersPerThread, kernel.SharedMemoryPerBlockBytes);
            return new KernelProfile(kernel.Id ?? "", geometry, kernel.IsolatedSeconds, kernel.Counters ?? new Dictionary<string, double>());
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{source}: {path}: {e.Message}", e);
        }
    }
}
