using GpuPool.Contracts.Workloads;
using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;
using GpuPool.Operator.Fitting;
using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Scheduling;

/// <summary>Turns a GpuJob (and its GpuProfile) into a Core <see cref="Job"/>, naming the field at fault when it cannot.</summary>
public static class JobTranslator
{
    public static JobTranslation Translate(GpuJob job, Func<string, GpuProfile?> profileNamed)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(profileNamed);
        var spec = job.Spec;
        var hasRef = !string.IsNullOrEmpty(spec.ProfileRef);
        var hasInline = spec.Kernels is { Count: > 0 };
        if (hasRef == hasInline)
        {
            return Invalid(job, ConditionReasons.KernelSourceAmbiguous, "spec: give exactly one of profileRef and kernels.");
        }

        if (spec.Template?.Spec?.Containers is not { Count: > 0 })
        {
            return Invalid(job, ConditionReasons.InvalidTemplate, "spec.template.spec.containers: at least one container is required.");
        }

        IReadOnlyList<KernelSpec> kernels;
        string field;
        if (hasRef)
        {
            var profile = profileNamed(spec.ProfileRef!);
            if (profile is null)
            {
                return new JobTranslation(job, null, [], ProfileMissing: true, null, $"spec.profileRef: no GpuProfile '{spec.ProfileRef}' in namespace {job.Metadata.NamespaceProperty}; the job waits until it exists.");
            }

            kernels = profile.Spec.Kernels ?? [];
            field = $"GpuProfile {spec.ProfileRef} spec.kernels";
        }
        else
        {
            kernels = spec.Kernels!;
            field = "spec.kernels";
        }

        var duplicate = kernels.GroupBy(k => k.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return Invalid(job, ConditionReasons.InvalidKernels, $"{field}: kernel id '{duplicate.Key}' appears {duplicate.Count()} times.");
        }

        var profiles = new List<KernelProfile>(kernels.Count);
        for (var i = 0; i < kernels.Count; i++)
        {
            try
            {
                profiles.Add(ToProfile(kernels[i]));
            }
            catch (ArgumentException e)
            {
                return Invalid(job, ConditionReasons.InvalidKernels, $"{field}[{i}]: {e.Message}");
            }
        }

        try
        {
            var core = new Job(job.Key, profiles, spec.Iterations, spec.QosTarget, spec.GpuMemoryMiB, spec.Priority ?? 0);
            return new JobTranslation(job, core, kernels, ProfileMissing: false, null, null, PodDemandReader.Of(spec.Template));
        }
        catch (ArgumentException e)
        {
            return Invalid(job, ConditionReasons.InvalidSpec, $"spec: {e.Message}");
        }
    }

    private static KernelProfile ToProfile(KernelSpec kernel) => new(
        string.IsNullOrWhiteSpace(kernel.Id) ? string.Empty : KernelIdentity.Of(kernel),
        new LaunchGeometry(kernel.GridBlocks, kernel.ThreadsPerBlock, kernel.RegistersPerThread, kernel.SharedMemoryPerBlockBytes),
        kernel.IsolatedSeconds,
        kernel.Counters ?? new Dictionary<string, double>());

    private static JobTranslation Invalid(GpuJob job, string reason, string message) => new(job, null, [], false, reason, message);
}
