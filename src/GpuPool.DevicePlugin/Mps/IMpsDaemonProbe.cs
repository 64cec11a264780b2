namespace GpuPool.DevicePlugin.Mps;

/// <summary>
/// Whether the node's GPU-sharing daemon answers: the MPS control daemon on real GPUs, the GPU
/// emulator that stands in for it in simulated mode. When it does not, CUDA clients silently run
/// without MPS (no share is enforced), so this is worth a gauge of its own.
/// </summary>
public interface IMpsDaemonProbe
{
    Task<MpsDaemonHealth> ProbeAsync(CancellationToken cancellationToken);
}
