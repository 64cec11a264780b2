namespace GpuPool.Core.Gpus;

/// <summary>A GPU the scheduler may place jobs on.</summary>
public sealed record Gpu(GpuId Id, GpuModel Model);
