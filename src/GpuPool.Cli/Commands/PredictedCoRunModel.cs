using GpuPool.Core.Kernels;
using GpuPool.Prediction.Pairing;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Cli.Commands;

/// <summary>
/// The kernel-wise predictions seen as a co-run model, so the simulated GPU's full timeline can
/// run on exactly the rates the steady-state shortcut uses (the reference of `bench timeline`).
/// </summary>
internal sealed class PredictedCoRunModel(ModelPairPredictor predictor) : ICoRunModel
{
    public double AloneRate(KernelProfile kernel, int quota) => predictor.AloneRate(kernel, quota);

    public (double RateA, double RateB) CoRunRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB) =>
        predictor.KernelPairRates(a, b, quotaA, quotaB);
}
