namespace GpuPool.Core.Datasets;

/// <summary>
/// One measured co-run: kernels A and B on one GPU with the given thread-block quotas per SM,
/// and the normalized progress each achieved.
/// </summary>
public sealed record KernelPairMeasurement(string KernelA, string KernelB, int QuotaA, int QuotaB, double NpA, double NpB);
