namespace GpuPool.Prediction.Training;

/// <summary>The regression learners GpuPool can train; FastTree is the paper's gradient-boosted tree.</summary>
public enum LearnerKind
{
    FastTree,
    FastForest,
    LightGbm,
    Sdca,

    /// <summary>FastTree with ML.NET's own defaults, whatever the options say: the plain, untuned GBT baseline.</summary>
    PlainFastTree,
}
