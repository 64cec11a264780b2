namespace GpuPool.Prediction.Explaining;

/// <summary>How much one feature moved a job's predicted NP (its model contribution, weighted over the job's kernel pairs).</summary>
public sealed record FeatureEffect(string Feature, double Effect);
