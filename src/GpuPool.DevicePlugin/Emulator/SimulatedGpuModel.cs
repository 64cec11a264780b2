using GpuPool.Core.Gpus;
using GpuPool.DevicePlugin.Options;

namespace GpuPool.DevicePlugin.Emulator;

/// <summary>
/// The GPU model of this node's simulated GPUs. Only name, SM count and memory are configurable;
/// the per-SM limits are the V100's, as in the paper's simulator the co-run model is fitted on.
/// </summary>
public static class SimulatedGpuModel
{
    public static GpuModel From(SimulatedGpuOptions simulated)
    {
        ArgumentNullException.ThrowIfNull(simulated);
        var v100 = GpuModel.V100;
        return new GpuModel(simulated.Model, simulated.SmCount, v100.MaxThreadsPerSm, v100.MaxBlocksPerSm, v100.RegistersPerSm, v100.SharedMemoryPerSmBytes, simulated.MemoryMiB);
    }
}
