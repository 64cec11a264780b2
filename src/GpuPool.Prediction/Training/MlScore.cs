namespace GpuPool.Prediction.Training;

/// <summary>ML.NET's regression output column.</summary>
internal sealed class MlScore
{
    public float Score { get; set; }
}
