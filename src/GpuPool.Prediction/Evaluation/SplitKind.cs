namespace GpuPool.Prediction.Evaluation;

/// <summary>How co-run rows are split into train and test folds.</summary>
public enum SplitKind
{
    /// <summary>k folds over rows; a row's two samples stay together.</summary>
    KFold,

    /// <summary>k folds over kernel pairs: every row of one pair is in the same fold.</summary>
    PairGrouped,

    /// <summary>One fold per kernel: every row involving it is tested, none trained on.</summary>
    LeaveOneKernelOut,
}
