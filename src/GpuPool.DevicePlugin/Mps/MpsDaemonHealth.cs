namespace GpuPool.DevicePlugin.Mps;

/// <summary>One look at the node's MPS daemon: whether it answered, and what was seen.</summary>
public sealed record MpsDaemonHealth(bool Up, string Detail);
