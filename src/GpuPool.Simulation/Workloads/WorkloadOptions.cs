namespace GpuPool.Simulation.Workloads;

/// <summary>How jobs and their arrival times are made for one simulation.</summary>
public sealed record WorkloadOptions
{
    public JobMixOptions JobMix { get; init; } = new();

    public int Seed { get; init; }

    /// <summary>Offered load: isolated GPU-seconds submitted per second, per GPU of the cluster.</summary>
    public double Load { get; init; } = 1.5;

    /// <summary>A Philly trace CSV to take arrival times from (read in place); null = the fitted generator.</summary>
    public string? TracePath { get; init; }

    /// <summary>Every job arrives at time 0: one batch, as in the paper's experiment (overrides the arrival process).</summary>
    public bool AllAtOnce { get; init; }
}
