namespace GpuPool.Prediction.Features;

/// <summary>One named model input computed from the predicted kernel (x) and its partner (y).</summary>
public sealed record FeatureDefinition(string Name, string Description, Func<KernelAtQuota, KernelAtQuota, double> Compute);
