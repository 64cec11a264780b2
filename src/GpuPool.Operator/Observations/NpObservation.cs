namespace GpuPool.Operator.Observations;

/// <summary>
/// One finished job for retraining: what was predicted beside which partner, and what was measured.
/// Written at least once (a crash between the append and the status write repeats it): readers dedupe by <see cref="JobUid"/>.
/// </summary>
public sealed record NpObservation(
    string Job,
    string JobUid,
    string Partner,
    string Setting,
    IReadOnlyList<string> Kernels,
    double? PredictedNp,
    double MeasuredNp,
    double QosTarget,
    string Node,
    int Gpu,
    string CompletedAt);
