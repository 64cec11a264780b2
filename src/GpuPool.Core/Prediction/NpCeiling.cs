namespace GpuPool.Core.Prediction;

/// <summary>The highest NP each job of a pair could reach under one setting (see <see cref="IBoundedPairPredictor"/>).</summary>
public readonly record struct NpCeiling(double NpA, double NpB)
{
    /// <summary>No ceiling at all: what a predictor without bounds answers.</summary>
    public static NpCeiling None { get; } = new(double.PositiveInfinity, double.PositiveInfinity);
}
