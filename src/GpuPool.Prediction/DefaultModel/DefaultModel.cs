using GpuPool.Prediction.Models;

namespace GpuPool.Prediction.DefaultModel;

/// <summary>
/// The model shipped inside this assembly, so the operator and `gpupool simulate` work on a fresh
/// machine. It is trained only on data the repository may hold (see docs/prediction.md) by
/// `make model`, which writes DefaultModel/default-model.zip before the build embeds it.
/// </summary>
public static class DefaultModel
{
    public const string ResourceName = "GpuPool.Prediction.DefaultModel.default-model.zip";

    /// <summary>True when this build embedded a default model.</summary>
    public static bool IsEmbedded => typeof(DefaultModel).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    /// <summary>The model saved at <paramref name="path"/>, or the embedded one when no path is given.</summary>
    public static KernelNpModel LoadFileOrDefault(string? path) =>
        string.IsNullOrEmpty(path) ? Load() : ModelFile.Load(path);

    public static KernelNpModel Load()
    {
        using var stream = typeof(DefaultModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("This build embeds no default model: run `make model` to train it, then rebuild.");
        return ModelFile.Load(stream, "embedded default model");
    }
}
