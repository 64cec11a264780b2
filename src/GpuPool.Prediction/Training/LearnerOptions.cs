using System.Globalization;

namespace GpuPool.Prediction.Training;

/// <summary>Hyper-parameters shared by the learners (each uses the ones that apply to it).</summary>
public sealed record LearnerOptions
{
    public int Trees { get; init; } = 300;

    public int Leaves { get; init; } = 16;

    public double LearningRate { get; init; } = 0.1;

    /// <summary>
    /// Samples per leaf at least; null chooses by data set size (<see cref="For"/>; evaluation passes
    /// the whole data set's, so every fold trains alike): <see cref="SmallSetMinLeaf"/> below
    /// <see cref="SmallSetSamples"/> samples (a job-level set of a few hundred co-runs, where 5-sample
    /// leaves over-fit), else <see cref="LargeSetMinLeaf"/>.
    /// </summary>
    public int? MinExamplesPerLeaf { get; init; }

    public const int LargeSetMinLeaf = 5;

    public const int SmallSetMinLeaf = 10;

    public const int SmallSetSamples = 500;

    public int Seed { get; init; } = 1;

    /// <summary>Share of features each tree may split on (tree learners); below 1 decorrelates trees.</summary>
    public double FeatureFraction { get; init; } = 1.0;

    /// <summary>Throws naming the first out-of-range field.</summary>
    public LearnerOptions Validated()
    {
        Require(Trees >= 1, nameof(Trees), Trees);
        Require(Leaves >= 2, nameof(Leaves), Leaves);
        Require(LearningRate > 0 && LearningRate <= 1, nameof(LearningRate), LearningRate);
        Require(MinExamplesPerLeaf is null or >= 1, nameof(MinExamplesPerLeaf), MinExamplesPerLeaf ?? 0);
        Require(FeatureFraction > 0 && FeatureFraction <= 1, nameof(FeatureFraction), FeatureFraction);
        return this;
    }

    /// <summary>These options with the leaf floor chosen for <paramref name="samples"/> training samples when it is automatic.</summary>
    public LearnerOptions For(int samples) =>
        MinExamplesPerLeaf is null ? this with { MinExamplesPerLeaf = samples < SmallSetSamples ? SmallSetMinLeaf : LargeSetMinLeaf } : this;

    /// <summary>The leaf floor; the large-set one while it is still automatic.</summary>
    public int MinLeaf => MinExamplesPerLeaf ?? LargeSetMinLeaf;

    /// <summary>The values as text, for the model's training metadata.</summary>
    public IReadOnlyDictionary<string, string> Describe() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(Trees)] = Trees.ToString(CultureInfo.InvariantCulture),
        [nameof(Leaves)] = Leaves.ToString(CultureInfo.InvariantCulture),
        [nameof(LearningRate)] = LearningRate.ToString(CultureInfo.InvariantCulture),
        [nameof(MinExamplesPerLeaf)] = MinExamplesPerLeaf?.ToString(CultureInfo.InvariantCulture) ?? "auto",
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
