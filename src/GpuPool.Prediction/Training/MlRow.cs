namespace GpuPool.Prediction.Training;

/// <summary>ML.NET's view of one sample; the feature vector's length is set at run time from the feature set.</summary>
internal sealed class MlRow
{
    public float Label { get; set; }

#pragma warning disable CA1819 // ML.NET binds vector columns to array properties.
    public float[] Features { get; set; } = [];
#pragma warning restore CA1819
}
