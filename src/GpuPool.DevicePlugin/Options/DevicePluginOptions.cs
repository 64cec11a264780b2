using GpuPool.Contracts;

namespace GpuPool.DevicePlugin.Options;

/// <summary>Configuration section <c>GpuPool:DevicePlugin</c>; every field is checked at start.</summary>
public sealed class DevicePluginOptions
{
    public const string Section = "GpuPool:DevicePlugin";

    public const string SimulatedMode = "simulated";

    public const string RealMode = "real";

    /// <summary>"simulated" (GPUs from <see cref="Simulated"/>, emulator hosted) or "real" (nvidia-smi).</summary>
    public string Mode { get; set; } = SimulatedMode;

    /// <summary>The node this plugin runs on; defaults to env NODE_NAME.</summary>
    public string NodeName { get; set; } = "";

    public string KubeletSocketDir { get; set; } = "/var/lib/kubelet/device-plugins";

    /// <summary>Each GPU is advertised as "&lt;prefix&gt;-&lt;index&gt;"; must equal the operator's ResourcePrefix.</summary>
    public string ResourcePrefix { get; set; } = GpuResources.DefaultPrefix;

    public SimulatedGpuOptions Simulated { get; set; } = new();

    /// <summary>
    /// The emulator's socket (simulated mode). Its folder is mounted read-only into every job
    /// container, so it holds nothing else: connecting needs no write access to the folder.
    /// </summary>
    public string EmulatorSocket { get; set; } = "/var/run/gpupool/emulator/emulator.sock";

    /// <summary>
    /// Group of the emulator socket, which is mode 0660: job containers connect as a member (the
    /// image's own group, 1654, by default; other images add it as a supplemental group).
    /// </summary>
    public int EmulatorSocketGroup { get; set; } = 1654;

    /// <summary>Host folder of the node's MPS control daemon (real mode); its layout is <see cref="Mps.MpsPaths"/>.</summary>
    public string MpsDirectory { get; set; } = "/var/run/gpupool/mps";

    /// <summary>Simulated seconds per real second (1 = real time).</summary>
    public double EmulatorTimeScale { get; set; } = 1.0;

    public double HealthPollSeconds { get; set; } = 10;

    public int HttpPort { get; set; } = 8081;

    /// <summary>
    /// The operator's placement key (the same Secret): Allocate serves only a pod whose placement
    /// seal verifies under it. Required.
    /// </summary>
    public string PlacementKey { get; set; } = "";

    /// <summary>The key before a rotation: seals written with it still verify. Empty when not rotating.</summary>
    public string PreviousPlacementKey { get; set; } = "";

    public bool IsSimulated => string.Equals(Mode, SimulatedMode, StringComparison.Ordinal);
}
