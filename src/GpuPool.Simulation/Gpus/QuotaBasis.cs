namespace GpuPool.Simulation.Gpus;

/// <summary>
/// How a kernel pair's own terms scale with the quotas: a constant, the partner's alone rate and
/// the kernel's own alone rate at their quotas. Within one measured pair, -log(NP / r) is close to
/// linear in these two rates, so each per-kernel term is a coefficient on this basis.
/// </summary>
public static class QuotaBasis
{
    public static IReadOnlyList<string> Names { get; } = ["1", "r_partner", "r_self"];

    public static int Count => Names.Count;

    public static double[] Of(KernelLoad x, KernelLoad y) => [1.0, y.Rate, x.Rate];
}
