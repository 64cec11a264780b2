namespace GpuPool.Simulation.Datasets;

/// <summary>Column names of a pair table, which differ between the supported layouts.</summary>
public sealed record PairColumns(string KernelA, string KernelB, string QuotaA, string QuotaB, string NpA, string NpB);
