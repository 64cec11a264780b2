using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;

namespace GpuPool.Simulation.Timeline;

/// <summary>
/// One GPU over time, exactly and event by event: up to two jobs run their current kernels at the
/// rates of that kernel pair, the first kernel to end moves its job to the next kernel, and a job
/// left alone runs at its alone rate, whole iterations at a time. No fixed time step: every event
/// is a kernel boundary, so the result is exact up to floating point.
/// </summary>
public sealed class GpuTimeline
{
    // Both kernels end "together" when the second one has less than this share of its time left.
    private const double SimultaneousEnd = 1e-12;

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

    /// <summary>Starts <paramref name="job"/> now under <paramref name="setting"/> (seen from the new job).</summary>
    public JobProgress Start(Job job, SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(setting);
        var progress = new JobProgress(job, Now);
        if (_first is null)
        {
            _first = progress;
            _setting = setting;
        }
        else if (_second is null)
        {
            if (setting.IsExclusive)
            {
                throw new InvalidOperationException($"Job '{job}' cannot join '{_first.Job}' exclusively.");
            }

            _second = progress;
            _setting = setting.Swapped;
            _pairRates = new double[2 * _first.Job.Kernels.Count * job.Kernels.Count];
            Array.Fill(_pairRates, double.NaN);
        }
        else
        {
            throw new InvalidOperationException($"A GPU holds at most two jobs; '{job}' cannot join '{_first.Job}' and '{_second.Job}'.");
        }

        return progress;
    }

    /// <summary>Runs until <paramref name="until"/> (or until idle); returns the jobs that finished, with their end time.</summary>
    public IReadOnlyList<(Job Job, double StartSeconds, double EndSeconds)> AdvanceTo(double until)
    {
        var finished = new List<(Job, double, double)>();
        while (_first is not null && Now < until)
        {
            if (_second is null)
            {
                RunAlone(until);
            }
            else
            {
                RunTogether(until);
            }

            Collect(finished);
        }

        if (_first is null)
        {
            Now = Math.Max(Now, until);
        }

        return finished;
    }

    private void RunTogether(double until)
    {
        var a = _first!;
        var b = _second!;
        while (!a.IsDone && !b.IsDone && Now < until)
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

    private void RunAlone(double until)
    {
        var job = _first!;
        var iterationSeconds = job.Job.Kernels.Sum(k => k.IsolatedSeconds / _rates.Alone(k, _setting));
        while (!job.IsDone && Now < until)
        {
            // At an iteration boundary, whole iterations are skipped in one step.
            if (job.KernelIndex == 0 && job.Remaining == job.Kernel.IsolatedSeconds)
            {
                var whole = Math.Min(job.IterationsAfterCurrent + 1, (long)Math.Floor((until - Now) / iterationSeconds));
                if (whole > 0)
                {
                    job.SkipIterations(whole);
                    Now += whole * iterationSeconds;
                    continue;
                }
            }

            var rate = _rates.Alone(job.Kernel, _setting);
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
            (_pairRates[slot], _pairRates[slot + 1]) = _rates.Together(a.Kernel, b.Kernel, _setting);
        }

        return (_pairRates[slot], _pairRates[slot + 1]);
    }

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
