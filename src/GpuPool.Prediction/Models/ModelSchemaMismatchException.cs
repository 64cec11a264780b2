namespace GpuPool.Prediction.Models;

/// <summary>A saved model's feature schema is not the one this build computes.</summary>
public sealed class ModelSchemaMismatchException : Exception
{
    public ModelSchemaMismatchException()
    {
    }

    public ModelSchemaMismatchException(string message)
        : base(message)
    {
    }

    public ModelSchemaMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
