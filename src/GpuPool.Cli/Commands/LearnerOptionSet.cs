using System.CommandLine;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Training;

namespace GpuPool.Cli.Commands;

/// <summary>Training options shared by train, evaluate and bench: features and hyper-parameters.</summary>
internal sealed class LearnerOptionSet
{
    private static readonly LearnerOptions Defaults = new();

    public Option<string> Features { get; } = new("--features") { Description = "Feature set: full, full-unscaled or paper", DefaultValueFactory = _ => FeatureCatalog.Full.Name };

    public Option<int> Trees { get; } = new("--trees") { Description = "Trees (boosting rounds)", DefaultValueFactory = _ => Defaults.Trees };

    public Option<int> Leaves { get; } = new("--leaves") { Description = "Leaves per tree", DefaultValueFactory = _ => Defaults.Leaves };

    public Option<double> LearningRate { get; } = new("--learning-rate") { Description = "Boosting learning rate", DefaultValueFactory = _ => Defaults.LearningRate };

    public Option<int?> MinLeaf { get; } = new("--min-leaf") { Description = $"Minimum samples per leaf (default: {LearnerOptions.SmallSetMinLeaf} below {LearnerOptions.SmallSetSamples} training samples, else {LearnerOptions.LargeSetMinLeaf})" };

    public Option<double> FeatureFraction { get; } = new("--feature-fraction") { Description = "Share of features each tree may use", DefaultValueFactory = _ => Defaults.FeatureFraction };

    public void AddTo(Command command)
    {
        command.Options.Add(FeatureFraction);
        command.Options.Add(Features);
        command.Options.Add(Trees);
        command.Options.Add(Leaves);
        command.Options.Add(LearningRate);
        command.Options.Add(MinLeaf);
    }

    public FeatureSet FeatureSet(ParseResult parsed) => CommandErrors.Option("--features", () => FeatureCatalog.ByName(parsed.GetValue(Features)!));

    public LearnerOptions Learner(ParseResult parsed) => CommandErrors.Option("learner options", () => new LearnerOptions
    {
        Trees = parsed.GetValue(Trees),
        Leaves = parsed.GetValue(Leaves),
        LearningRate = parsed.GetValue(LearningRate),
        MinExamplesPerLeaf = parsed.GetValue(MinLeaf),
        FeatureFraction = parsed.GetValue(FeatureFraction),
    }.Validated());
}
