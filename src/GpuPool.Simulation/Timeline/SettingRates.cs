using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Timeline;

/// <summary>
/// Progress rates of kernels under a <see cref="SharingSetting"/>: fine-grained pairs through the
/// co-run model at the setting's thread-block quotas, partitioned pairs through the SM-partition
/// model (no interference), and a job alone at its setting's rate: a partition keeps its slice, a
/// share its thread-block quota (<see cref="SharingSetting.AloneQuota"/>), exclusive the whole GPU.
/// </summary>
public sealed class SettingRates
{
    private readonly ICoRunModel _model;
    private readonly SmPartitionModel _partitions;

    public SettingRates(ICoRunModel model, GpuModel gpu)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gpu);
        _model = model;
        Gpu = gpu;
        _partitions = new SmPartitionModel(gpu);
    }

    public GpuModel Gpu { get; }

    /// <summary>Rates of <paramref name="a"/> and <paramref name="b"/> running together, the setting seen from a.</summary>
    public (double RateA, double RateB) Together(KernelProfile a, KernelProfile b, SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(setting);
        switch (setting.Mode)
        {
            case SharingMode.Partitioned:
                return (_partitions.Rate(a, setting.ShareA), _partitions.Rate(b, setting.ShareB));
            case SharingMode.FineGrained:
                var (quotaA, quotaB) = setting.ThreadBlockQuotas(a.Geometry, b.Geometry, Gpu);
                return _model.CoRunRates(a, b, quotaA, quotaB);
            default:
                throw new ArgumentException("Two jobs cannot share a GPU under the exclusive setting.", nameof(setting));
        }
    }

    /// <summary>
    /// Rate of a job's kernel when it is alone on the GPU, under the setting it was placed with
    /// (seen from itself), which it keeps when its partner ends.
    /// </summary>
    public double Alone(KernelProfile kernel, SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(setting);
        return setting.Mode switch
        {
            SharingMode.Partitioned => _partitions.Rate(kernel, setting.ShareA),
            SharingMode.FineGrained => _model.AloneRate(kernel, setting.AloneQuota(kernel.Geometry, Gpu)),
            _ => 1.0,
        };
    }
}
