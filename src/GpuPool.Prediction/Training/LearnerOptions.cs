using System.Globalization;

namespace GpuPool.Prediction.Training;

/// <summary>Hyper-parameters shared by the learners (each uses the ones that apply to it).</summary>
public sealed record LearnerOptions
{
    public int Trees { get; init; } = 300;

    public int Leaves { get; init; } = 16;

    public double LearningRate { get; init; } = 0.1;

    public int MinExamplesPerLeaf { get; init; } = 5;

    public int Seed { get; init; } = 1;

    /// <summary>Share of features each tree may split on (tree learners); below 1 decorrelates trees.</summary>
    public double FeatureFraction { get; init; } = 1.0;

    /// <summary>Throws naming the first out-of-range field.</summary>
    public LearnerOptions Validated()
    {
        Require(Trees >= 1, nameof(Trees), Trees);
        Require(Leaves >= 2, nameof(Leaves), Leaves);
        Require(LearningRate > 0 && LearningRate <= 1, nameof(LearningRate), LearningRate);
        Require(MinExamplesPerLeaf >= 1, nameof(MinExamplesPerLeaf), MinExamplesPerLeaf);
        Require(FeatureFraction > 0 && FeatureFraction <= 1, nameof(FeatureFraction), FeatureFraction);
        return this;
    }

    /// <summary>The values as text, for the model's training metadata.</summary>
    public IReadOnlyDictionary<string, string> Describe() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(Trees)] = Trees.ToString(CultureInfo.InvariantCulture),
        [nameof(Leaves)] = Leaves.ToString(CultureInfo.InvariantCulture),
        [nameof(LearningRate)] = LearningRate.ToString(CultureInfo.InvariantCulture),
        [nameof(MinExamplesPerLeaf)] = MinExamplesPerLeaf.ToString(CultureInfo.InvariantCulture),
        [nameof(Seed)] = Seed.ToString(CultureInfo.InvariantCulture),
        [nameof(FeatureFraction)] = FeatureFraction.ToString(CultureInfo.InvariantCulture),
    };

    private static void Require(bool ok, string field, object value)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(field, value, $"Learner option {field} is out of range.");
        }
    }
}
