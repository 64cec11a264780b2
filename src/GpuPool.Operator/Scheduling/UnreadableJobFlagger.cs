using GpuPool.Operator.Ports;
using GpuPool.Operator.Resilience;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Watching;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Tells the owner of a GpuJob the operator cannot read why it is not scheduled: condition
/// Invalid=True reason Unreadable on the object (when the API server takes the status patch) and a
/// Warning Event, once per object and error. Everything else in the window goes on without it.
/// </summary>
public sealed partial class UnreadableJobFlagger(IClusterPort port, ApiWriter writer, JobWriter jobs, TimeProvider time, ILogger logger)
{
    // Keyed by what the flag was computed from; pruned to the objects unreadable now, so bounded by them.
    private readonly HashSet<(string Key, string? Uid, string Error)> _flagged = [];

    public async Task FlagAsync(IReadOnlyList<UnreadableObject> unreadable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unreadable);
        var now = unreadable.Select(u => (u.Key, u.Uid, u.Error)).ToHashSet();
        _flagged.IntersectWith(now);
        foreach (var job in unreadable.Where(u => u.Namespace is { Length: > 0 } && u.Name != "?"))
        {
            if (_flagged.Contains((job.Key, job.Uid, job.Error)))
            {
                continue;
            }

            var message = $"The operator cannot read this GpuJob and skips it: {job.Error}. Fix or recreate it within the schema.";
            var condition = Conditions.Set(null, ConditionTypes.Invalid, true, ConditionReasons.Unreadable, message, null, time.GetUtcNow())[0];
            try
            {
                await writer.RunAsync("patch_status", ct => port.FlagUnreadableJobAsync(job, condition, ct), cancellationToken);
            }
            catch (Exception e) when (ApiWriter.IsExhausted(e) || e is ApiNotFoundException or ApiRefusedException)
            {
                // The API server may refuse the patch too (the object breaks its schema): the Event and metric still tell.
                LogNotPatched(e, job.Key);
            }

            await jobs.EmitAsync(Shell(job), true, ConditionReasons.Unreadable, message, cancellationToken);
            _flagged.Add((job.Key, job.Uid, job.Error));
        }
    }

    /// <summary>The metadata an Event's involvedObject needs; the unreadable spec is not part of it.</summary>
    private static GpuJob Shell(UnreadableObject job) => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = job.Namespace, Name = job.Name, Uid = job.Uid, ResourceVersion = job.ResourceVersion },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark unreadable GpuJob {Job}")]
    private partial void LogNotPatched(Exception error, string job);
}
