using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Pairing;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Cli.Commands;

/// <summary>
/// The kernel-wise predictions seen as a co-run model, so the simulated GPU's full timeline can
/// run on exactly the rates the steady-state shortcut uses (the reference of `bench timeline`).
/// </summary>
internal sealed class PredictedCoRunModel(ModelPairPredictor predictor, GpuModel gpu) : ICoRunModel
{
    /// <summary>The quota-alone rate the profile records (norm_ipc), 1 when it has none.</summary>
    public double AloneRate(KernelProfile kernel, int quota) => new KernelAtQuota(kernel, quota, gpu).Counter(CounterNames.NormalizedIpc);

    public (double RateA, double RateB) CoRunRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB) =>
        predictor.KernelPairRates(a, b, quotaA, quotaB);
}
