namespace GpuPool.Prediction.JobWise;

/// <summary>
/// The paper's job-wise shortcut. Two jobs run their kernel sequences at the interference
/// matrix's rates, event by event (each event completes one kernel, or two at once), as the
/// simulated GPU's full timeline does; but after every epoch the accumulated NP of each job is
/// compared with the previous epoch's, and once both are steady the rest is extrapolated at those
/// rates, the survivor finishing alone at full speed (rate 1). Runs that end before reaching a
/// steady state are stepped to the end.
/// </summary>
public static class SteadyStateTimeline
{
    public static TimelineResult Run(KernelSequence a, KernelSequence b, InterferenceMatrix matrix, SteadyStateOptions options)
    {
        Check(a, b, matrix);
        ArgumentNullException.ThrowIfNull(options);
        var (ca, cb, now) = (new JobCursor(a), new JobCursor(b), 0.0);
        var events = 0;
        var (epochA, epochB) = (options.StepIterations, options.StepIterations);
        var (previousA, previousB) = (double.NaN, double.NaN);
        while (!ca.Finished && !cb.Finished)
        {
            now = Step(a, b, matrix, ref ca, ref cb, now);
            events++;
            if (ca.CompletedIterations < epochA || cb.CompletedIterations < epochB || ca.Finished || cb.Finished)
            {
                continue;
            }

            // 1. An epoch ended: both jobs did StepIterations more iterations.
            epochA = ca.CompletedIterations + options.StepIterations;
            epochB = cb.CompletedIterations + options.StepIterations;

            // 2. Accumulated NP so far: isolated work done over time spent.
            var (npA, npB) = (ca.Done / now, cb.Done / now);

            // 3. Steady when neither moved more than epsilon since the previous epoch.
            if (Math.Abs(npA - previousA) <= options.Epsilon && Math.Abs(npB - previousB) <= options.Epsilon)
            {
                return Extrapolate(a, b, ca, cb, now, npA, npB, events);
            }

            (previousA, previousB) = (npA, npB);
        }

        return Finish(a, b, ca, cb, now, events);
    }

    private static double Step(KernelSequence a, KernelSequence b, InterferenceMatrix matrix, ref JobCursor ca, ref JobCursor cb, double now)
    {
        var rateA = matrix.RateA(ca.Kernel, cb.Kernel);
        var rateB = matrix.RateB(ca.Kernel, cb.Kernel);
        var untilA = ca.RemainingInKernel / rateA;
        var untilB = cb.RemainingInKernel / rateB;
        var dt = Math.Min(untilA, untilB);
        now += dt;
        ca.Advance(a, dt, rateA, untilA <= untilB, now);
        cb.Advance(b, dt, rateB, untilB <= untilA, now);
        return now;
    }

    /// <summary>Both keep their accumulated rates until the first ends; the survivor then runs alone.</summary>
    private static TimelineResult Extrapolate(KernelSequence a, KernelSequence b, JobCursor ca, JobCursor cb, double now, double npA, double npB, int events)
    {
        var endA = now + (ca.RemainingWork(a) / npA);
        var endB = now + (cb.RemainingWork(b) / npB);
        if (endA <= endB)
        {
            endB = endA + (cb.RemainingWork(b) - (npB * (endA - now)));
        }
        else
        {
            endA = endB + (ca.RemainingWork(a) - (npA * (endB - now)));
        }

        return new TimelineResult(endA, endB, a.TotalSeconds / endA, b.TotalSeconds / endB, events, Extrapolated: true);
    }

    private static TimelineResult Finish(KernelSequence a, KernelSequence b, JobCursor ca, JobCursor cb, double now, int events)
    {
        var endA = ca.Finished ? ca.End : now + ca.RemainingWork(a);
        var endB = cb.Finished ? cb.End : now + cb.RemainingWork(b);
        return new TimelineResult(endA, endB, a.TotalSeconds / endA, b.TotalSeconds / endB, events, Extrapolated: false);
    }

    private static void Check(KernelSequence a, KernelSequence b, InterferenceMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.KernelsA != a.Durations.Length || matrix.KernelsB != b.Durations.Length)
        {
            throw new ArgumentException($"The matrix is {matrix.KernelsA} x {matrix.KernelsB} but the jobs have {a.Durations.Length} and {b.Durations.Length} kernels.", nameof(matrix));
        }
    }
}
