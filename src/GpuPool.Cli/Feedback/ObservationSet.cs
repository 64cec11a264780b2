using GpuPool.Operator.Observations;

namespace GpuPool.Cli.Feedback;

/// <summary>The observations of a file, one per job, and how many repeated lines were dropped.</summary>
public sealed record ObservationSet(IReadOnlyList<NpObservation> Observations, int Duplicates);
