namespace GpuPool.Core.Policies;

/// <summary>Stable policy names, used in reports, options and metrics labels.</summary>
public static class PolicyNames
{
    public const string NoSharing = "NoSharing";
    public const string Coarse = "Coarse";
    public const string Heuristic = "Heuristic";
    public const string GpuPool = "GpuPool";
    public const string GpuPoolWeighted = "GpuPoolWeighted";
    public const string TrueNpMatching = "TrueNpMatching";

    /// <summary>Not a policy: the throughput bound no schedule can beat, reported beside the policies.</summary>
    public const string Oracle = "Oracle";
}
