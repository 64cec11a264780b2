using GpuPool.Contracts;
using GpuPool.Operator.Resources;
using k8s.Models;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// The status a job should have given its pod: the pod (its binding, phase and annotations) is the
/// record of what was decided, so status can always be rebuilt from it after a restart.
/// </summary>
public static class StatusProjector
{
    private static readonly string[] _order = [JobPhase.Pending, JobPhase.Scheduled, JobPhase.Running, JobPhase.Succeeded, JobPhase.Failed];

    /// <param name="partnerRanBeside">Asked once, when the job ends: did the partner its pod was
    /// written with run beside it (<see cref="PartnerOverlap"/>)? If not, the final status names no
    /// partner, and an ended job keeps what was said then.</param>
    public static GpuJobStatus Project(GpuJob job, V1Pod pod, double? isolatedSeconds, DateTimeOffset now, Func<string, bool>? partnerRanBeside = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(pod);
        var current = job.Status ?? new GpuJobStatus();
        var annotations = pod.Metadata.Annotations;
        var partner = MetadataValues.Get(annotations, PodAnnotations.Partner) ?? string.Empty;
        var gpu = int.TryParse(MetadataValues.Get(annotations, PodAnnotations.GpuIndex), out var index) ? index : (int?)null;
        var phase = Later(current.Phase, pod.Status?.Phase switch
        {
            "Running" => JobPhase.Running,
            "Succeeded" => JobPhase.Succeeded,
            "Failed" => JobPhase.Failed,
            _ => JobPhase.Scheduled,
        });
        var generation = job.Metadata.Generation;
        var node = pod.Spec?.NodeName;
        var setting = MetadataValues.Get(annotations, PodAnnotations.Setting);
        var alone = partner.Length > 0 && JobPhase.IsTerminal(phase)
            && (JobPhase.IsTerminal(current.Phase) ? current.Partner is null : partnerRanBeside?.Invoke(partner) == false);
        var message = alone
            ? $"Ran alone on GPU {gpu} of {node} at its share ({setting}): {partner}, its partner, never ran beside it (the node refused that pod, and it was placed again later)."
            : partner.Length > 0
            ? $"Shares GPU {gpu} of {node} with {partner} ({setting})."
            : $"Has GPU {gpu} of {node} to itself.";
        partner = alone ? string.Empty : partner;
        var conditions = Conditions.Set(current.Conditions, ConditionTypes.Scheduled, true, partner.Length > 0 ? ConditionReasons.Paired : ConditionReasons.Alone, message, generation, now);
        var status = current with
        {
            Phase = phase,
            Node = node,
            Gpu = gpu,
            // Absent rather than empty when alone: a v1.20 API server reads "" in a merge patch as
            // null and rejects it against the string schema.
            Partner = partner.Length > 0 ? partner : null,
            Setting = setting,
            PredictedNp = SharingAnnotation.ParseNumber(MetadataValues.Get(annotations, PodAnnotations.PredictedNp)),
            StartTime = current.StartTime ?? (phase == JobPhase.Scheduled ? null : Rfc3339.Format(pod.Status?.StartTime ?? now.UtcDateTime)),
            Conditions = conditions,
        };
        if (!JobPhase.IsTerminal(phase) || JobPhase.IsTerminal(current.Phase))
        {
            return status;
        }

        var terminated = pod.Status?.ContainerStatuses?.Select(c => c.State?.Terminated).Where(t => t is not null).ToList() ?? [];
        var finished = terminated.Max(t => t!.FinishedAt) ?? now.UtcDateTime;
        var started = terminated.Min(t => t!.StartedAt) ?? pod.Status?.StartTime;
        var reported = terminated.Select(t => TerminationReport.Parse(t!.Message)?.Np).FirstOrDefault(np => np is not null);
        var observed = started is { } s ? (finished - s).TotalSeconds : 0;
        var succeeded = phase == JobPhase.Succeeded;
        // Without a report, the pod's run time stands for the shared time; a failed run did not do
        // the job's work, so its run time says nothing about its progress.
        var measured = reported ?? (succeeded && isolatedSeconds is > 0 && observed > 0 ? isolatedSeconds / observed : null);
        return status with
        {
            CompletionTime = Rfc3339.Format(finished),
            MeasuredNp = measured,
            Conditions = Conditions.Set(
                conditions,
                ConditionTypes.Completed,
                true,
                succeeded ? ConditionReasons.Succeeded : ConditionReasons.Failed,
                measured is { } np ? $"Pod {pod.Status?.Phase}; measured NP {SharingAnnotation.Number(np)}." : $"Pod {pod.Status?.Phase}{Why(pod)}; NP not measured.",
                generation,
                now),
        };
    }

    /// <summary>True when writing <paramref name="desired"/> would change what <paramref name="current"/> says.</summary>
    public static bool Differs(GpuJobStatus? current, GpuJobStatus desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (current is null)
        {
            return true;
        }

        return current with { Conditions = null, StartTime = null, CompletionTime = null } != desired with { Conditions = null, StartTime = null, CompletionTime = null }
            || !Conditions.SameState(current.Conditions, desired.Conditions);
    }


    /// <summary>The kubelet's reason for ending the pod, when it gave one (admission, eviction).</summary>
    private static string Why(V1Pod pod) => pod.Status?.Reason is { Length: > 0 } reason
        ? $" ({reason}{(pod.Status.Message is { Length: > 0 } m ? ": " + m : string.Empty)})"
        : string.Empty;

    /// <summary>Phases never go back (a stale pod view must not undo Running or a terminal phase).</summary>
    private static string Later(string? current, string observed)
    {
        var rank = Array.IndexOf(_order, current ?? JobPhase.Pending);
        return JobPhase.IsTerminal(current) || rank > Array.IndexOf(_order, observed) ? current! : observed;
    }
}
