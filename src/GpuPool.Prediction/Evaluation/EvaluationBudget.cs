using System.Globalization;

namespace GpuPool.Prediction.Evaluation;

/// <summary>
/// Bounds an evaluation before it starts: the number of models it would fit (every fold of every
/// learner, inner folds of a tuned one included) against a limit, so no evaluation runs unbounded.
/// </summary>
public static class EvaluationBudget
{
    /// <summary>The default limit on models one evaluation fits.</summary>
    public const int DefaultMaxFits = 5000;

    /// <summary>Throws <see cref="ArgumentException"/> naming both numbers when <paramref name="fits"/> exceeds <paramref name="maxFits"/>.</summary>
    public static void Require(int maxFits, long fits)
    {
        if (fits > maxFits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the evaluation would fit {fits} models, more than the limit of {maxFits} (--max-fits): name fewer learners, splits or tuning candidates, or raise the limit"));
        }
    }
}
