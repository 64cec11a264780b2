using GpuPool.Core.Gpus;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// The GPUs of one node as the device plugin reports them. <see cref="FromAnnotation"/> is false
/// when only the labels and capacity were there (memory and SM count then default to the V100 preset).
/// </summary>
public sealed record NodeInventory(string NodeName, GpuModel Model, IReadOnlyList<NodeGpu> Gpus, bool FromAnnotation);
