using GpuPool.Core.Matching;
using GpuPool.Core.Pairing;
using GpuPool.Core.Prediction;
using QuikGraph;

namespace GpuPool.Core.Policies;

/// <summary>
/// GpuPoolWeighted's edge weight: the GPU-seconds a pair saves against running its two jobs one
/// after the other, isolated work of both minus the time the GPU is busy with them (the longer
/// job's predicted end). Pair STP (NpA + NpB) rates a 10-second and a 10-minute job sharing as well
/// as two 10-minute jobs, and cannot see that a pair ending unevenly leaves a long solo tail; saved
/// seconds are what stpPerGpu (work over busy GPU time) is made of. Beside a running job, only its
/// remaining work counts, and its time is what it still needs at its predicted whole-life NP.
/// </summary>
internal static class PairWeight
{
    public static double SavedGpuSeconds(PairingGraph pairing, TaggedUndirectedEdge<int, PairOutcome> edge)
    {
        var (a, b) = (pairing.Vertices[edge.Source], pairing.Vertices[edge.Target]);
        var outcome = edge.Tag;
        var timeA = a.Job.IsolatedSeconds / outcome.NpA;
        if (b.RunningOn?.Resident is not { } resident)
        {
            return a.Job.IsolatedSeconds + b.Job.IsolatedSeconds - Math.Max(timeA, b.Job.IsolatedSeconds / outcome.NpB);
        }

        var left = Math.Max(0, b.Job.IsolatedSeconds - resident.CompletedIsolatedSeconds);
        var timeB = Math.Max(0, (b.Job.IsolatedSeconds / outcome.NpB) - resident.ElapsedSeconds);
        return a.Job.IsolatedSeconds + left - Math.Max(timeA, timeB);
    }

    /// <summary>The heaviest matching by saved seconds among those with the most pairs.</summary>
    public static MatchingResult Match(PairingGraph pairing) =>
        MaximumWeightMatching.Find(pairing.Graph, e => SavedGpuSeconds(pairing, e), maxCardinality: true);
}
