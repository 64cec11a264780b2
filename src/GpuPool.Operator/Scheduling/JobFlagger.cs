using GpuPool.Operator.Fitting;
using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Conditions of jobs that did not get a GPU: Invalid (once per generation), ProfileMissing (and
/// back to False when the profile appears), Scheduled=False ProfileMissing while it is missing, and
/// Scheduled=False WaitingForGpu (once) or the node check that kept it off its nodes (NodeNotReady,
/// InventoryStale, Taint, InsufficientCpu, InsufficientMemory; with a Warning Event). Each writes only on a change, so a job waiting many windows
/// costs no writes.
/// </summary>
public sealed class JobFlagger(JobWriter jobs, TimeProvider time)
{
    public Task FlagInvalidAsync(JobTranslation translation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(translation);
        return SetAsync(translation.Resource, ConditionTypes.Invalid, true, translation.InvalidReason!, translation.Message!, warn: true, cancellationToken);
    }

    /// <summary>ProfileMissing and Invalid as the job now reads.</summary>
    public async Task FlagProfileAsync(JobTranslation translation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(translation);
        var job = translation.Resource;
        if (translation.ProfileMissing)
        {
            await SetAsync(job, ConditionTypes.ProfileMissing, true, ConditionReasons.ProfileNotFound, translation.Message!, warn: true, cancellationToken);
            return;
        }

        if (job.Status?.Condition(ConditionTypes.ProfileMissing) is { IsTrue: true })
        {
            await SetAsync(job, ConditionTypes.ProfileMissing, false, ConditionReasons.ProfileFound, $"GpuProfile {job.Spec.ProfileRef} found.", warn: false, cancellationToken);
        }

        if (job.Status?.Condition(ConditionTypes.Invalid) is { IsTrue: true })
        {
            await SetAsync(job, ConditionTypes.Invalid, false, ConditionReasons.SpecValid, "The spec passes every check.", warn: false, cancellationToken);
        }
    }

    /// <summary>
    /// A job placed (alone) while its profile looked missing keeps ProfileMissing=True after the
    /// profile appears unless corrected here; pending jobs are corrected by <see cref="FlagProfileAsync"/>.
    /// </summary>
    public Task CorrectStaleProfileMissingAsync(GpuJob job, Func<GpuJob, JobTranslation> translate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(translate);
        if (job.Status is not { Phase: JobPhase.Scheduled or JobPhase.Running or JobPhase.Succeeded or JobPhase.Failed } status
            || status.Condition(ConditionTypes.ProfileMissing) is not { IsTrue: true }
            || string.IsNullOrEmpty(job.Spec.ProfileRef)
            || translate(job).ProfileMissing)
        {
            return Task.CompletedTask;
        }

        return SetAsync(job, ConditionTypes.ProfileMissing, false, ConditionReasons.ProfileFound, $"GpuProfile {job.Spec.ProfileRef} found; the job was placed while it was missing, so it runs without a partner.", warn: false, cancellationToken);
    }

    /// <summary>
    /// Scheduled=False for a job left waiting: the node check that kept it off (<paramref name="misfit"/>,
    /// rewritten when the reason changes), else WaitingForGpu once. A job whose profile just
    /// appeared, or that a node check no longer keeps off, moves on to WaitingForGpu; any other
    /// reason (a refusal being backed off) stays.
    /// </summary>
    public Task FlagWaitingAsync(JobTranslation translation, NodeMisfit? misfit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(translation);
        var job = translation.Resource;
        if (translation.ProfileMissing)
        {
            return SetAsync(job, ConditionTypes.Scheduled, false, ConditionReasons.ProfileMissing, translation.Message!, warn: false, cancellationToken);
        }

        if (misfit is not null)
        {
            return SetAsync(job, ConditionTypes.Scheduled, false, misfit.Reason, misfit.Message, warn: true, cancellationToken);
        }

        return job.Status?.Condition(ConditionTypes.Scheduled) is { Reason: { } reason } && reason != ConditionReasons.ProfileMissing && !NodeFit.Reasons.Contains(reason)
            ? Task.CompletedTask
            : SetAsync(job, ConditionTypes.Scheduled, false, ConditionReasons.WaitingForGpu, "No free GPU (or safe partner) in the last window.", warn: false, cancellationToken);
    }

    private async Task SetAsync(GpuJob seen, string type, bool value, string reason, string message, bool warn, CancellationToken cancellationToken)
    {
        var job = jobs.Latest(seen);
        var current = job.Status?.Condition(type);
        if (current is not null && current.IsTrue == value && current.Reason == reason && current.ObservedGeneration == job.Metadata.Generation)
        {
            return;
        }

        var status = (job.Status ?? new GpuJobStatus()) with
        {
            Phase = job.Status?.Phase ?? JobPhase.Pending,
            Conditions = Conditions.Set(job.Status?.Conditions, type, value, reason, message, job.Metadata.Generation, time.GetUtcNow()),
        };
        if (await jobs.PatchStatusAsync(job, status, cancellationToken) && warn)
        {
            await jobs.EmitAsync(job, true, reason, message, cancellationToken);
        }
    }
}
