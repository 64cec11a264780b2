namespace GpuPool.Simulation.Gpus;

/// <summary>
/// What the measured co-runs taught about one kernel beyond its counters, per quota-basis entry:
/// how much more it suffers than the counters say (<see cref="Victim"/>), how much more it hurts
/// partners (<see cref="Aggressor"/>), and low-rank <see cref="Sensitivity"/> and
/// <see cref="Pressure"/> vectors whose product gives pair-specific interference.
/// Sensitivity and Pressure hold basis-major blocks of rank values.
/// </summary>
public sealed record KernelTerm(double[] Victim, double[] Aggressor, double[] Sensitivity, double[] Pressure);
