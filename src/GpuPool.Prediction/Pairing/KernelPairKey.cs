using GpuPool.Core.Kernels;

namespace GpuPool.Prediction.Pairing;

/// <summary>Cache key of one kernel-pair prediction: the two kernels and A's share of each SM.</summary>
internal readonly record struct KernelPairKey(KernelProfile A, KernelProfile B, double ShareA);
