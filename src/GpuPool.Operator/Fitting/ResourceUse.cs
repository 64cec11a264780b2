namespace GpuPool.Operator.Fitting;

/// <summary>CPU (millicores) and memory (bytes): what a pod requests, a node allocates, or pods on a node request together.</summary>
public readonly record struct ResourceUse(long MilliCpu, long MemoryBytes)
{
    public static ResourceUse None { get; } = new(0, 0);

    public static ResourceUse operator +(ResourceUse a, ResourceUse b) => new(a.MilliCpu + b.MilliCpu, a.MemoryBytes + b.MemoryBytes);

    public static ResourceUse Add(ResourceUse a, ResourceUse b) => a + b;
}
