using GpuPool.Operator.Telemetry;
using GpuPool.Prediction.DefaultModel;
using GpuPool.Prediction.Models;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Hosting;

/// <summary>
/// Loads the pair model at start and says which one it is. The embedded default model knows only
/// the simulator (docs/prediction.md: on real GPUs it predicts worse than a constant), so running
/// on it is a warning and gpupool_model_default reads 1; a supplied model is named with how it was trained.
/// </summary>
public static partial class ModelLoading
{
    public static KernelNpModel Load(string modelPath, OperatorMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        var model = DefaultModel.LoadFileOrDefault(modelPath);
        var isDefault = string.IsNullOrEmpty(modelPath);
        metrics.DefaultModel.Set(isDefault ? 1 : 0);
        if (isDefault)
        {
            LogDefault(logger, model.Metadata.DataSet);
        }
        else
        {
            LogSupplied(logger, modelPath, model.Metadata.Learner, model.Metadata.DataSet, model.Metadata.SampleCount);
        }

        return model;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Predicting with the embedded default model (trained on {DataSet}: the simulator only). On real GPUs it predicts worse than a constant: train a model on measured co-runs or the operator's observations (gpupool train) and set ModelPath (chart: operator.model.configMap); see docs/prediction.md")]
    private static partial void LogDefault(ILogger logger, string dataSet);

    [LoggerMessage(Level = LogLevel.Information, Message = "Predicting with the model {Path}: {Learner} trained on {DataSet} ({Samples} samples)")]
    private static partial void LogSupplied(ILogger logger, string path, string learner, string dataSet, int samples);
}
