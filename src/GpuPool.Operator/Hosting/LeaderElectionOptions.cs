namespace GpuPool.Operator.Hosting;

/// <summary>Section GpuPool:Operator:LeaderElection: the Lease that keeps two replicas from scheduling at once.</summary>
public sealed class LeaderElectionOptions
{
    public bool Enabled { get; set; } = true;

    public string LeaseName { get; set; } = "gpupool-operator";

    /// <summary>Defaults to env POD_NAMESPACE, else "default".</summary>
    public string LeaseNamespace { get; set; } = Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } ns ? ns : "default";

    public int LeaseDurationSeconds { get; set; } = 15;

    /// <summary>This replica's identity in the Lease; defaults to the host name.</summary>
    public string Identity { get; set; } = Environment.MachineName;
}
