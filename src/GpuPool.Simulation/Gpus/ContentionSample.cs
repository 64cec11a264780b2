namespace GpuPool.Simulation.Gpus;

/// <summary>
/// One kernel of one measured co-run, as the fit sees it: the kernel, its partner, the contention
/// features, the quota basis, the kernel's alone rate at its quota and its measured NP.
/// </summary>
public sealed record ContentionSample(string Kernel, string Partner, double[] Features, double[] Basis, double AloneRate, double Np)
{
    /// <summary>What the model fits: -log(NP / alone rate).</summary>
    public double Target => -Math.Log(Np / AloneRate);

    /// <summary>Kernel x (load at its quota) slowed by partner y, with x's measured NP (NaN when asking, not fitting).</summary>
    public static ContentionSample Of(string kernel, KernelLoad x, string partner, KernelLoad y, double np) =>
        new(kernel, partner, ContentionFeatures.Of(x, y), QuotaBasis.Of(x, y), x.Rate, np);

    /// <summary>The unordered kernel pair: both kernels of a co-run share it.</summary>
    public string PairKey => PairKeys.Of(Kernel, Partner);
}
