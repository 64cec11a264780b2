namespace GpuPool.DevicePlugin.Allocation;

/// <summary>
/// Which pending pods already received their GPU containers. The kubelet's Allocate request does
/// not name the pod, so the plugin hands out pods oldest first and remembers how many of each pod's
/// GPU containers it has served; the plugin may not write pods, so this memory is local.
/// </summary>
public sealed class AllocationClaims
{
    private readonly Dictionary<string, int> _served = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The oldest pod still owed a container allocation, or null.</summary>
    public PendingPod? Next(IReadOnlyList<PendingPod> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        lock (_gate)
        {
            // Pods no longer pending have started; forget them so the table stays small.
            var live = pending.Select(p => p.Uid).ToHashSet(StringComparer.Ordinal);
            foreach (var uid in _served.Keys.Where(uid => !live.Contains(uid)).ToList())
            {
                _served.Remove(uid);
            }

            return pending
                .Where(p => _served.GetValueOrDefault(p.Uid) < Math.Max(1, p.GpuRequests))
                .OrderBy(p => p.CreatedAt)
                .ThenBy(p => p.Namespace, StringComparer.Ordinal)
                .ThenBy(p => p.Name, StringComparer.Ordinal)
                .FirstOrDefault();
        }
    }

    public void Record(PendingPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        lock (_gate)
        {
            _served[pod.Uid] = _served.GetValueOrDefault(pod.Uid) + 1;
        }
    }
}
