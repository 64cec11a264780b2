namespace GpuPool.Prediction.Features;

/// <summary>A feature set extended with a data set's own counters: which were added and which were left out, and why.</summary>
public sealed record DatasetFeatures(FeatureSet Set, IReadOnlyList<string> Added, IReadOnlyList<string> Ignored);
