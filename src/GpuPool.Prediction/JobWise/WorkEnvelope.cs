using System.Runtime.CompilerServices;

namespace GpuPool.Prediction.JobWise;

/// <summary>
/// The most isolated work one job can have done t seconds into a steady-state co-run:
/// U(t) = min(g t, max(rho t + c, r t)). g is its fastest rate anywhere in the matrix; rho is the
/// rate of whole iterations when every kernel meets its most favourable partner, and c the most
/// a partial iteration can run ahead of rho; r caps the extrapolated rate, which is the accumulated
/// rate after at least two epochs of whole iterations.
/// </summary>
internal readonly record struct WorkEnvelope(double FastestRate, double IterationRate, double Lead, double ExtrapolatedRate)
{
    private const int MaxStackKernels = 1024;

    [SkipLocalsInit]
    public static WorkEnvelope Of(KernelSequence job, ReadOnlySpan<double> bestRatePerKernel, int stepIterations)
    {
        // 1. Fastest rate, and the shortest time each kernel and one iteration can take (each
        //    kernel's time kept: this runs for every candidate pair and setting, and divides).
        var kernels = bestRatePerKernel.Length;
        Span<double> shortest = kernels <= MaxStackKernels ? stackalloc double[kernels] : new double[kernels];
        var (fastest, shortestIteration) = (0.0, 0.0);
        for (var i = 0; i < kernels; i++)
        {
            fastest = Math.Max(fastest, bestRatePerKernel[i]);
            shortest[i] = job.Durations[i] / bestRatePerKernel[i];
            shortestIteration += shortest[i];
        }

        // 2. How far ahead of that pace a prefix of the iteration can be (work minus rho x time).
        var rho = job.IterationSeconds / shortestIteration;
        var (lead, work, time) = (0.0, 0.0, 0.0);
        for (var i = 0; i < kernels; i++)
        {
            work += job.Durations[i];
            time += shortest[i];
            lead = Math.Max(lead, work - (rho * time));
        }

        // 3. Extrapolation starts after 2 x step whole iterations at the earliest: now >= (2 step W - c) / rho.
        var earliestWork = 2.0 * stepIterations * job.IterationSeconds;
        var extrapolated = Math.Min(fastest, rho * (1 + (lead / (earliestWork - lead))));
        return new WorkEnvelope(fastest, rho, lead, extrapolated);
    }

    public double MostWorkBy(double t) => Math.Min(FastestRate * t, Math.Max((IterationRate * t) + Lead, ExtrapolatedRate * t));

    /// <summary>The earliest time at which <paramref name="work"/> can be done: the inverse of <see cref="MostWorkBy"/>.</summary>
    public double TimeToDo(double work) => Math.Max(work / FastestRate, Math.Min((work - Lead) / IterationRate, work / ExtrapolatedRate));
}
