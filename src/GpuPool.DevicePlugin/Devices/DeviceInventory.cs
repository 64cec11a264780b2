namespace GpuPool.DevicePlugin.Devices;

/// <summary>
/// The node's current GPU list, shared by ListAndWatch, Allocate, the emulator and the node
/// publisher. Readers wait for the next change with <see cref="WaitForChangeAsync"/>.
/// </summary>
public sealed class DeviceInventory
{
    private readonly Lock _gate = new();
    private IReadOnlyList<GpuDevice> _devices = [];
    private long _version;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>The latest list and its version (0 before the first discovery).</summary>
    public (IReadOnlyList<GpuDevice> Devices, long Version) Snapshot()
    {
        lock (_gate)
        {
            return (_devices, _version);
        }
    }

    public IReadOnlyList<GpuDevice> Devices => Snapshot().Devices;

    /// <summary>Replaces the list; returns true (and wakes waiters) only when something changed.</summary>
    public bool Update(IReadOnlyList<GpuDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        TaskCompletionSource wake;
        lock (_gate)
        {
            if (_version > 0 && _devices.SequenceEqual(devices))
            {
                return false;
            }

            _devices = devices.ToList();
            _version++;
            wake = _changed;
            _changed = NewSignal();
        }

        wake.SetResult();
        return true;
    }

    /// <summary>Completes when the version moves past <paramref name="seenVersion"/>.</summary>
    public Task WaitForChangeAsync(long seenVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _version > seenVersion ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
