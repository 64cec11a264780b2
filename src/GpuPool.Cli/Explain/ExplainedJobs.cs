using GpuPool.Cli.Commands;
using GpuPool.Core.Jobs;
using GpuPool.Operator.Resources;
using k8s.Models;

namespace GpuPool.Cli.Explain;

/// <summary>
/// Finds the job an argument of `gpupool explain` names in the manifests: a GpuJob ("ns/name", or
/// a name unique among them), else a GpuProfile of that name run as a job with the given QoS
/// target. Both go through the operator's translator, as in the cluster.
/// </summary>
public static class ExplainedJobs
{
    /// <summary>Iterations of a job made from a bare profile: enough that its steady state dominates.</summary>
    public const int ProfileIterations = 100;

    public static Job Resolve(ManifestResources resources, string argument, double profileQos)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(argument);
        var (ns, name) = Split(argument);
        var jobs = resources.Jobs.Where(j => j.Metadata.Name == name && (ns is null || j.Metadata.NamespaceProperty == ns)).ToList();
        if (jobs.Count > 1)
        {
            throw new UsageException($"'{argument}': {jobs.Count} GpuJobs have that name ({string.Join(", ", jobs.Select(j => j.Key))}); name one as namespace/name.");
        }

        var job = jobs.Count == 1 ? jobs[0] : FromProfile(resources, ns, name, argument, profileQos);
        var translation = resources.Translate(job);
        return translation.Job ?? throw new UsageException($"'{argument}': GpuJob {job.Key}: {translation.Message}");
    }

    private static GpuJob FromProfile(ManifestResources resources, string? ns, string name, string argument, double qos)
    {
        var profiles = resources.Profiles.Keys.Where(k => k.Name == name && (ns is null || k.Namespace == ns)).ToList();
        if (profiles.Count != 1)
        {
            throw new UsageException(profiles.Count == 0
                ? $"'{argument}': no GpuJob or GpuProfile of that name in the --manifests files."
                : $"'{argument}': {profiles.Count} GpuProfiles have that name; name one as namespace/name.");
        }

        return new GpuJob
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = profiles[0].Namespace },
            Spec = new GpuJobSpec
            {
                ProfileRef = name,
                QosTarget = qos,
                Iterations = ProfileIterations,
                Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "main" }] } },
            },
        };
    }

    private static (string? Namespace, string Name) Split(string argument)
    {
        var slash = argument.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (null, argument) : (argument[..slash], argument[(slash + 1)..]);
    }
}
