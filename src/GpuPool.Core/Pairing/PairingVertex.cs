using GpuPool.Core.Jobs;
using GpuPool.Core.Placement;

namespace GpuPool.Core.Pairing;

/// <summary>
/// A vertex of the pairing graph: a pending job, or a job already running on
/// <paramref name="RunningOn"/> whose GPU has a free partner slot.
/// </summary>
public sealed record PairingVertex(Job Job, GpuState? RunningOn)
{
    public bool IsRunning => RunningOn is not null;
}
