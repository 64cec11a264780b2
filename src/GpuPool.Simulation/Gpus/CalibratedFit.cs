namespace GpuPool.Simulation.Gpus;

/// <summary>A calibration's result: the shippable parameters and the per-kernel terms of the data it saw.</summary>
public sealed record CalibratedFit(CoRunParameters Parameters, KernelTerms Terms);
