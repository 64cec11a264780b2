using GpuPool.Prediction.Features;

namespace GpuPool.Prediction.Models;

/// <summary>How a model was trained: saved beside it so a loaded model explains itself.</summary>
public sealed record ModelMetadata(
    FeatureSchema Schema,
    string DataSet,
    string Learner,
    IReadOnlyDictionary<string, string> HyperParameters,
    int SampleCount,
    DateTimeOffset TrainedAt);
