using System.Runtime.CompilerServices;

namespace GpuPool.Prediction.JobWise;

/// <summary>
/// The paper's job-wise shortcut. Two jobs run their kernel sequences at the interference
/// matrix's rates, event by event (each event completes one kernel, or two at once), as the
/// simulated GPU's full timeline does; but after every epoch the accumulated NP of each job is
/// compared with the previous epoch's, and once both are steady the rest is extrapolated at those
/// rates, the survivor finishing alone under its own setting, at its alone slowness (seconds per
/// isolated second: 1 when it gets the whole GPU back, more when it keeps a share, see
/// <see cref="Core.Sharing.SharingSetting.AloneQuota"/>). Runs that end before reaching a steady
/// state are stepped to the end.
/// </summary>
public static class SteadyStateTimeline
{
    public static TimelineResult Run(KernelSequence a, KernelSequence b, InterferenceMatrix matrix, SteadyStateOptions options, AloneSlowness alone)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        matrix.RequireFits(a, b);

        return Run(a, b, new MatrixCells(matrix.RatesA, matrix.RatesB, matrix.KernelsB), options.Validated(), alone.Validated());
    }

    /// <summary>
    /// The same on rates the caller has already checked to be positive, finite and of the right
    /// size: the predictor's hot path, reading its rate table in place. Compiled fully optimized at
    /// once: a window runs it hundreds of thousands of times within its first seconds, long before
    /// tiered compilation would get there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static TimelineResult Run<TCells>(KernelSequence a, KernelSequence b, TCells cells, SteadyStateOptions options, AloneSlowness alone)
        where TCells : struct, IRateCells
    {
        var ca = new JobCursor(a.Durations, a.Iterations, a.TotalSeconds);
        var cb = new JobCursor(b.Durations, b.Iterations, b.TotalSeconds);
        var (row, column, now, events) = (cells.Row(0), cells.Column(0), 0.0, 0);
        var (epochA, epochB) = (options.StepIterations, options.StepIterations);
        var (previousA, previousB) = (double.NaN, double.NaN);
        while (true)
        {
            // 1. One event: whichever kernel ends first (or both) completes; the other progresses.
            //    Most events end no iteration: they go straight on to the next.
            ref readonly var cell = ref cells.Cell(row + column);
            var untilA = ca.RemainingInKernel * cell.SlownessA;
            var untilB = cb.RemainingInKernel * cell.SlownessB;
            events++;
            if (untilA < untilB)
            {
                now += untilA;
                cb.Progress(untilA, cell.RateB);
                if (ca.NextKernel())
                {
                    row = cells.Row(ca.Kernel);
                    continue;
                }

                ca.EndIteration(now);
                row = cells.Row(0);
            }
            else if (untilB < untilA)
            {
                now += untilB;
                ca.Progress(untilB, cell.RateA);
                if (cb.NextKernel())
                {
                    column = cells.Column(cb.Kernel);
                    continue;
                }

                cb.EndIteration(now);
                column = cells.Column(0);
            }
            else
            {
                now += untilA;
                var (sameA, sameB) = (ca.NextKernel(), cb.NextKernel());
                if (!sameA)
                {
                    ca.EndIteration(now);
                }

                if (!sameB)
                {
                    cb.EndIteration(now);
                }

                (row, column) = (cells.Row(ca.Kernel), cells.Column(cb.Kernel));
                if (sameA && sameB)
                {
                    continue;
                }
            }

            // Finishing and epochs only change when an iteration ends.
            if (ca.Finished || cb.Finished)
            {
                return Finish(a, b, ca, cb, now, events, alone);
            }

            if (ca.CompletedIterations < epochA || cb.CompletedIterations < epochB)
            {
                continue;
            }

            // 2. An epoch ended: both jobs did StepIterations more iterations.
            epochA = ca.CompletedIterations + options.StepIterations;
            epochB = cb.CompletedIterations + options.StepIterations;

            // 3. Accumulated NP so far: isolated work done over time spent.
            var (npA, npB) = (ca.Done / now, cb.Done / now);

            // 4. Steady when neither moved more than epsilon since the previous epoch.
            if (Math.Abs(npA - previousA) <= options.Epsilon && Math.Abs(npB - previousB) <= options.Epsilon)
            {
                return Extrapolate(a, b, ca, cb, now, npA, npB, events, alone);
            }

            (previousA, previousB) = (npA, npB);
        }
    }

    /// <summary>Both keep their accumulated rates until the first ends; the survivor then runs alone.</summary>
    private static TimelineResult Extrapolate(KernelSequence a, KernelSequence b, JobCursor ca, JobCursor cb, double now, double npA, double npB, int events, AloneSlowness alone)
    {
        var endA = now + (ca.RemainingWork / npA);
        var endB = now + (cb.RemainingWork / npB);
        if (endA <= endB)
        {
            endB = endA + ((cb.RemainingWork - (npB * (endA - now))) * alone.B);
        }
        else
        {
            endA = endB + ((ca.RemainingWork - (npA * (endB - now))) * alone.A);
        }

        return new TimelineResult(endA, endB, a.TotalSeconds / endA, b.TotalSeconds / endB, events, Extrapolated: true);
    }

    private static TimelineResult Finish(KernelSequence a, KernelSequence b, JobCursor ca, JobCursor cb, double now, int events, AloneSlowness alone)
    {
        var endA = ca.Finished ? ca.End : now + (ca.RemainingWork * alone.A);
        var endB = cb.Finished ? cb.End : now + (cb.RemainingWork * alone.B);
        return new TimelineResult(endA, endB, a.TotalSeconds / endA, b.TotalSeconds / endB, events, Extrapolated: false);
    }
}
