using GpuPool.Core.Jobs;
using GpuPool.Core.Prediction;

namespace GpuPool.Core.Pairing;

/// <summary>
/// An admissible pair: two jobs that may share a GPU, with the outcome that made the edge
/// (seen from <paramref name="A"/>).
/// </summary>
public sealed record PairCandidate(Job A, Job B, PairOutcome Outcome);
