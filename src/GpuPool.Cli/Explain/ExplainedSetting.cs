using GpuPool.Core.Prediction;

namespace GpuPool.Cli.Explain;

/// <summary>One setting's prediction, seen from job A, and whether each job clears its floor.</summary>
public sealed record ExplainedSetting(string Setting, double NpA, double NpB, double Stp, bool ClearsA, bool ClearsB)
{
    public static ExplainedSetting Of(PairOutcome outcome, bool clearsA, bool clearsB)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.Setting.ToString(), outcome.NpA, outcome.NpB, outcome.Stp, clearsA, clearsB);
    }
}
