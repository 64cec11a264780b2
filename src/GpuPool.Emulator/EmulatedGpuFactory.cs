using GpuPool.Core.Gpus;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Emulator;

/// <summary>
/// Builds a node's emulated GPUs: one GPU model, one co-run model. The host picks which (in
/// production <see cref="Calibrated"/>) without naming a simulator type itself.
/// </summary>
public sealed class EmulatedGpuFactory
{
    private readonly ICoRunModel _coRun;

    public EmulatedGpuFactory(GpuModel model, ICoRunModel coRun)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        _coRun = coRun ?? throw new ArgumentNullException(nameof(coRun));
    }

    public GpuModel Model { get; }

    /// <summary>The calibrated contention model with its shipped parameters: needs no data at run time.</summary>
    public static EmulatedGpuFactory Calibrated(GpuModel model) => new(model, new ContentionModel(model, CoRunParameters.Default));

    public EmulatedGpu Create(int index, string uuid) => new(index, uuid, Model, _coRun);
}
