namespace GpuPool.Node.Tests;

/// <summary>What e2e/node/up.sh wrote about the node it brought up (node.env, KEY=VALUE lines).</summary>
public sealed record NodeEnvironment(string Kubeconfig, string NodeName, string StateDir, string KubeletRunScript, string Image)
{
    public const string Variable = "GPUPOOL_NODE_ENV";

    public static NodeEnvironment Load()
    {
        var path = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"{Variable} is not set.");
        var values = File.ReadAllLines(path)
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        string Get(string key) => values.TryGetValue(key, out var v) && v.Length > 0
            ? v
            : throw new InvalidOperationException($"{path} has no {key}.");
        return new NodeEnvironment(
            Get("GPUPOOL_NODE_KUBECONFIG"), Get("GPUPOOL_NODE_NAME"), Get("GPUPOOL_NODE_STATE"),
            Get("GPUPOOL_NODE_KUBELET_RUN"), Get("GPUPOOL_NODE_IMAGE"));
    }
}
