using GpuPool.Core.Policies;

namespace GpuPool.Simulation.Cluster;

/// <summary>A policy and the label reports show for it (which says what predictor it ran on).</summary>
public sealed record NamedPolicy(string Label, ISharingPolicy Policy);
