namespace GpuPool.Core.Gpus;

/// <summary>One physical GPU in the cluster: a node and the GPU's index on that node.</summary>
public readonly record struct GpuId(string Node, int Index)
{
    public override string ToString() => $"{Node}/{Index}";
}
