using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;
using GpuPool.Core.Sharing;

namespace GpuPool.Simulation.Timeline;

/// <summary>
/// One GPU over time, exactly and event by event: up to two jobs run their current kernels at the
/// rates of that kernel pair, the first kernel to end moves its job to the next kernel, and a job
/// left alone runs at its alone rate, whole iterations at a time. No fixed time step: every event
/// is a kernel boundary, so the result is exact up to floating point. A job keeps the setting it
/// started with until it ends or stops (<see cref="Stop"/>); a rate the co-run model answers that is
/// not positive and finite stops the run with an <see cref="InvalidOperationException"/> at the
/// boundary that asked for it, leaving the timeline there.
/// </summary>
public sealed class GpuTimeline
{
    // Both kernels end "together" when the second one has less than this share of its time left.
    private const double SimultaneousEnd = 1e-12;

    // AdvanceTo without marks: it returns only at its end time or when idle.
    private const int NoMarks = 0;

    private readonly SettingRates _rates;
    // Rates of the current pair per (kernel of first, kernel of second), filled lazily; NaN = not yet asked.
    private double[] _pairRates = [];
    private JobProgress? _first;
    private JobProgress? _second;

    // The sharing setting as the first job sees it.
    private SharingSetting _setting = SharingSetting.Exclusive;

    public GpuTimeline(SettingRates rates, double now = 0)
    {
        ArgumentNullException.ThrowIfNull(rates);
        _rates = rates;
        Now = now;
    }

    public double Now { get; private set; }

    public IReadOnlyList<JobProgress> Running => _second is null ? (_first is null ? [] : [_first]) : [_first!, _second];

    /// <summary>The setting seen by <paramref name="job"/>, which must be running here.</summary>
    public SharingSetting SettingOf(Job job) =>
        _first?.Job == job ? _setting : _second?.Job == job ? _setting.Swapped : throw new ArgumentException($"Job '{job}' does not run here.", nameof(job));

    /// <summary>
    /// Starts <paramref name="job"/> now under <paramref name="setting"/> (seen from the new job);
    /// beside a running job that is the running job's setting swapped, which it keeps. Refuses a
    /// kernel of which one thread block does not fit an SM.
    /// </summary>
    public JobProgress Start(Job job, SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(setting);
        if (_second is not null)
        {
            throw new InvalidOperationException($"A GPU holds at most two jobs; '{job}' cannot join '{_first!.Job}' and '{_second.Job}'.");
        }

        var unfit = job.Kernels.FirstOrDefault(k => k.Geometry.MaxBlocksPerSm(_rates.Gpu) < 1);
        if (unfit is not null)
        {
            throw new ArgumentException($"kernel '{unfit.Id}': one thread block does not fit an SM of a {_rates.Gpu.Name}.", nameof(job));
        }

        var progress = new JobProgress(job, Now);
        if (_first is null)
        {
            _first = progress;
            _setting = setting;
        }
        else
        {
            if (setting.IsExclusive)
            {
                throw new InvalidOperationException($"Job '{job}' cannot join '{_first.Job}' exclusively.");
            }

            if (setting != _setting.Swapped)
            {
                throw new InvalidOperationException($"Job '{job}' cannot join '{_first.Job}' at {setting}: '{_first.Job}' keeps {_setting}.");
            }

            _second = progress;
            _setting = setting.Swapped;
            _pairRates = new double[2 * _first.Job.Kernels.Count * job.Kernels.Count];
            Array.Fill(_pairRates, double.NaN);
        }

        return progress;
    }

    /// <summary>Takes <paramref name="job"/> off the GPU now, unfinished (it stopped early); false when it does not run here.</summary>
    public bool Stop(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (_second?.Job == job)
        {
            _second = null;
        }
        else if (_first?.Job == job)
        {
            _first = _second;
            _setting = _second is null ? SharingSetting.Exclusive : _setting.Swapped;
            _second = null;
        }
        else
        {
            return false;
        }

        _pairRates = [];
        return true;
    }

    /// <summary>Isolated seconds per second that <paramref name="job"/>'s current kernel runs at now.</summary>
    public double RateOf(Job job)
    {
        var setting = SettingOf(job);
        if (_second is null)
        {
            return Checked(_rates.Alone(_first!.Kernel, setting), _first.Kernel);
        }

        var (rateA, rateB) = PairRates(_first!, _second);
        return _first!.Job == job ? rateA : rateB;
    }

    /// <summary>The job running beside <paramref name="job"/>, or null when it runs alone.</summary>
    public Job? PartnerOf(Job job)
    {
        SettingOf(job);
        return _second is null ? null : _first!.Job == job ? _second.Job : _first!.Job;
    }

    /// <summary>When the first running kernel ends at the current rates, or null when idle.</summary>
    public double? NextKernelEnd => Running.Count == 0 ? null : Now + Running.Min(p => p.Remaining / RateOf(p.Job));

    /// <summary>Runs until <paramref name="until"/> (or until idle); returns the jobs that finished, with their end time.</summary>
    public IReadOnlyList<(Job Job, double StartSeconds, double EndSeconds)> AdvanceTo(double until) => Advance(until, NoMarks);

    /// <summary>
    /// As <see cref="AdvanceTo(double)"/>, but returns early, at the kernel boundary, when a running
    /// job completes another 1/<paramref name="marks"/> of its iterations (its
    /// <see cref="JobProgress.Mark"/> grows; finishing is the last mark), so that a caller can
    /// report progress at those moments.
    /// </summary>
    public IReadOnlyList<(Job Job, double StartSeconds, double EndSeconds)> AdvanceTo(double until, int marks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(marks);
        return Advance(until, marks);
    }

    private List<(Job Job, double StartSeconds, double EndSeconds)> Advance(double until, int marks)
    {
        var finished = new List<(Job, double, double)>();
        while (_first is not null && Now < until)
        {
            var marked = Running.Select(p => (Progress: p, Mark: MarkOf(p, marks))).ToList();
            if (_second is null)
            {
                RunAlone(until, marks);
            }
            else
            {
                RunTogether(until, marks);
            }

            Collect(finished);
            if (marked.Any(m => MarkOf(m.Progress, marks) > m.Mark))
            {
                break;
            }
        }

        if (_first is null)
        {
            Now = Math.Max(Now, until);
        }

        return finished;
    }

    private void RunTogether(double until, int marks)
    {
        var a = _first!;
        var b = _second!;
        var (markA, markB) = (MarkOf(a, marks), MarkOf(b, marks));
        while (!a.IsDone && !b.IsDone && Now < until && MarkOf(a, marks) == markA && MarkOf(b, marks) == markB)
        {
            var (rateA, rateB) = PairRates(a, b);
            var timeA = a.Remaining / rateA;
            var timeB = b.Remaining / rateB;
            var step = Math.Min(timeA, timeB);
            if (Now + step > until)
            {
                var partial = until - Now;
                a.Progress(rateA * partial);
                b.Progress(rateB * partial);
                Now = until;
                return;
            }

            Now += step;
            if (timeA <= timeB)
            {
                b.Progress(rateB * step);
                a.NextKernel();
                if (b.Remaining <= SimultaneousEnd * b.Kernel.IsolatedSeconds)
                {
                    b.NextKernel();
                }
            }
            else
            {
                a.Progress(rateA * step);
                b.NextKernel();
                if (a.Remaining <= SimultaneousEnd * a.Kernel.IsolatedSeconds)
                {
                    a.NextKernel();
                }
            }
        }
    }

    private void RunAlone(double until, int marks)
    {
        var job = _first!;
        var iterationSeconds = job.Job.Kernels.Sum(k => k.IsolatedSeconds / Checked(_rates.Alone(k, _setting), k));
        var mark = MarkOf(job, marks);
        while (!job.IsDone && Now < until && MarkOf(job, marks) == mark)
        {
            // At an iteration boundary, whole iterations are skipped in one step, up to the next mark.
            if (job.KernelIndex == 0 && job.Remaining == job.Kernel.IsolatedSeconds)
            {
                var toMark = marks == NoMarks ? job.IterationsAfterCurrent + 1 : job.IterationsToMark(marks);
                var whole = Math.Min(toMark, (long)Math.Floor((until - Now) / iterationSeconds));
                if (whole > 0)
                {
                    job.SkipIterations(whole);
                    Now += whole * iterationSeconds;
                    continue;
                }
            }

            var rate = Checked(_rates.Alone(job.Kernel, _setting), job.Kernel);
            var time = job.Remaining / rate;
            if (Now + time > until)
            {
                job.Progress(rate * (until - Now));
                Now = until;
                return;
            }

            Now += time;
            job.NextKernel();
        }
    }

    private (double, double) PairRates(JobProgress a, JobProgress b)
    {
        var slot = 2 * ((a.KernelIndex * b.Job.Kernels.Count) + b.KernelIndex);
        if (double.IsNaN(_pairRates[slot]))
        {
            var (rateA, rateB) = _rates.Together(a.Kernel, b.Kernel, _setting);
            (_pairRates[slot], _pairRates[slot + 1]) = (Checked(rateA, a.Kernel), Checked(rateB, b.Kernel));
        }

        return (_pairRates[slot], _pairRates[slot + 1]);
    }

    private static long MarkOf(JobProgress job, int marks) => marks == NoMarks ? 0 : job.Mark(marks);

    private static double Checked(double rate, KernelProfile kernel) =>
        double.IsFinite(rate) && rate > 0
            ? rate
            : throw new InvalidOperationException($"The co-run model gave kernel '{kernel.Id}' the rate {rate}; rates must be positive and finite.");

    private void Collect(List<(Job, double, double)> finished)
    {
        if (_second is { IsDone: true })
        {
            finished.Add((_second.Job, _second.StartSeconds, Now));
            _second = null;
        }

        if (_first is { IsDone: true })
        {
            finished.Add((_first.Job, _first.StartSeconds, Now));
            _first = _second;
            // The survivor keeps the share it started with (a running process's share cannot change).
            _setting = _second is null ? SharingSetting.Exclusive : _setting.Swapped;
            _second = null;
        }

        if (_second is null)
        {
            _pairRates = [];
        }
    }
}
