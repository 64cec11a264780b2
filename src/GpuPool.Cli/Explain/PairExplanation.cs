using GpuPool.Prediction.Explaining;

namespace GpuPool.Cli.Explain;

/// <summary>
/// Why two jobs do or do not share a GPU: each setting's predicted NPs against both QoS floors,
/// the setting the rule chose, whether the pairing graph has the edge and why not, and the
/// features that moved each job's prediction under the setting shown.
/// </summary>
public sealed record PairExplanation(
    string JobA,
    string JobB,
    string Model,
    double Delta,
    ExplainedFloor FloorA,
    ExplainedFloor FloorB,
    IReadOnlyList<ExplainedSetting> Settings,
    string? Chosen,
    bool Edge,
    IReadOnlyList<string> Reasons,
    string FeaturesSetting,
    IReadOnlyList<FeatureEffect> FeaturesA,
    IReadOnlyList<FeatureEffect> FeaturesB);
