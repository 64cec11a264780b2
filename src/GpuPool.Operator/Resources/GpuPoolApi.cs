namespace GpuPool.Operator.Resources;

/// <summary>Names of the gpupool.io API and of what the operator writes onto pods.</summary>
public static class GpuPoolApi
{
    public const string Group = "gpupool.io";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;
    public const string JobKind = "GpuJob";
    public const string JobPlural = "gpujobs";
    public const string ProfileKind = "GpuProfile";
    public const string ProfilePlural = "gpuprofiles";

    /// <summary>Label on every pod the operator owns; its value is the GpuJob's name.</summary>
    public const string JobNameLabel = "gpupool.io/job-name";

    /// <summary>The pod name for a GpuJob: deterministic, so a second create is a 409, never a second pod.</summary>
    public static string PodName(string jobName) => jobName + "-gpupool";
}
