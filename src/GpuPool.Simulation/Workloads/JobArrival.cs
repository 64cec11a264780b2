using GpuPool.Core.Jobs;

namespace GpuPool.Simulation.Workloads;

/// <summary>A job and the simulated second it is submitted.</summary>
public sealed record JobArrival(Job Job, double ArrivalSeconds);
