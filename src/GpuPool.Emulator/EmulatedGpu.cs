using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Simulation.Gpus;
using GpuPool.Simulation.Timeline;

namespace GpuPool.Emulator;

/// <summary>
/// One simulated GPU running at most two jobs at once, in simulated seconds: a host over the
/// simulator's own <see cref="GpuTimeline"/>, so a pair runs here exactly as in the simulator (each
/// job keeps its share; alone, a share runs at its quota's alone rate, share 1 has the whole GPU).
/// This class only turns the timeline's events into notices: a job joined, left, reached another
/// tenth of its iterations, finished, or failed. Time only moves through <see cref="AdvanceTo"/>,
/// so results do not depend on when the caller happens to look.
/// </summary>
public sealed class EmulatedGpu
{
    // Progress notices come at every tenth of a job's iterations.
    private const int ProgressMarks = 10;

    private readonly List<EmulatedJob> _jobs = [];
    private readonly GpuTimeline _timeline;

    public EmulatedGpu(int index, string uuid, GpuModel model, ICoRunModel coRun)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uuid);
        Index = index;
        Uuid = uuid;
        Model = model ?? throw new ArgumentNullException(nameof(model));
        _timeline = new GpuTimeline(new SettingRates(coRun ?? throw new ArgumentNullException(nameof(coRun)), model));
    }

    public int Index { get; }

    public string Uuid { get; }

    public GpuModel Model { get; }

    public IReadOnlyList<EmulatedJob> Jobs => _jobs;

    /// <summary>Simulated time of the next kernel boundary, or null when idle.</summary>
    public double? NextEventAt => _timeline.NextKernelEnd;

    /// <summary>Adds a job at simulated time <paramref name="at"/>; refuses when the GPU is full, the share does not fit the running job's, or a kernel cannot run on it.</summary>
    public List<EmulatorNotice> Join(EmulatedJob job, double at)
    {
        ArgumentNullException.ThrowIfNull(job);
        var notices = AdvanceTo(at);
        job.Progress = _timeline.Start(job.Job, job.Setting);
        _jobs.Add(job);
        if (!Rated(out var failure))
        {
            _timeline.Stop(job.Job);
            _jobs.Remove(job);
            RerateOrFail(notices);
            throw new InvalidOperationException(failure);
        }

        notices.Add(Notice(job, EmulatorNoticeKind.Started));
        notices.AddRange(_jobs.Where(j => j != job).Select(j => Notice(j, EmulatorNoticeKind.Progress)));
        return notices;
    }

    /// <summary>Removes a job that stopped early (its client went away).</summary>
    public List<EmulatorNotice> Leave(EmulatedJob job, double at)
    {
        ArgumentNullException.ThrowIfNull(job);
        var notices = AdvanceTo(at);
        if (_jobs.Remove(job))
        {
            _timeline.Stop(job.Job);
            RerateAndTell(notices);
        }

        return notices;
    }

    /// <summary>Runs every job forward to simulated time <paramref name="at"/>, tenth of a job's iterations by tenth.</summary>
    public List<EmulatorNotice> AdvanceTo(double at)
    {
        var notices = new List<EmulatorNotice>();
        while (_jobs.Count > 0 && _timeline.Now < at)
        {
            var marks = _jobs.ToDictionary(j => j, j => j.Progress!.Mark(ProgressMarks));
            IReadOnlyList<(Job Job, double StartSeconds, double EndSeconds)> finished;
            try
            {
                finished = _timeline.AdvanceTo(at, ProgressMarks);
            }
            catch (InvalidOperationException e)
            {
                Fail(notices, e.Message);
                break;
            }

            foreach (var (done, start, end) in finished)
            {
                var job = _jobs.Single(j => ReferenceEquals(j.Job, done));
                _jobs.Remove(job);
                notices.Add(new EmulatorNotice(job, EmulatorNoticeKind.Finished, job.Iterations, end - start, 0, ""));
            }

            // Rated first, so a progress notice carries the rate of the kernel now running.
            if (finished.Count > 0)
            {
                RerateAndTell(notices);
            }
            else if (RerateOrFail(notices))
            {
                notices.AddRange(_jobs.Where(j => j.Progress!.Mark(ProgressMarks) > marks[j]).Select(j => Notice(j, EmulatorNoticeKind.Progress)));
            }
        }

        // Moves an idle GPU's clock on; a kernel that started exactly at `at` is rated here.
        _timeline.AdvanceTo(at);
        if (_jobs.Count > 0)
        {
            RerateOrFail(notices);
        }

        return notices;
    }

    private void RerateAndTell(List<EmulatorNotice> notices)
    {
        if (RerateOrFail(notices))
        {
            notices.AddRange(_jobs.Select(j => Notice(j, EmulatorNoticeKind.Progress)));
        }
    }

    private bool RerateOrFail(List<EmulatorNotice> notices)
    {
        if (Rated(out var failure))
        {
            return true;
        }

        Fail(notices, failure);
        return false;
    }

    // The co-run model is asked for the current kernels' rates; a rate it cannot give fails the pair.
    private bool Rated(out string failure)
    {
        try
        {
            foreach (var job in _jobs)
            {
                _timeline.RateOf(job.Job);
            }

            failure = "";
            return true;
        }
        catch (InvalidOperationException e)
        {
            failure = e.Message;
            return false;
        }
    }

    private void Fail(List<EmulatorNotice> notices, string message)
    {
        notices.AddRange(_jobs.Select(j => Notice(j, EmulatorNoticeKind.Failed, message, rate: 0)));
        foreach (var job in _jobs)
        {
            _timeline.Stop(job.Job);
        }

        _jobs.Clear();
    }

    private EmulatorNotice Notice(EmulatedJob job, EmulatorNoticeKind kind, string message = "", double? rate = null) =>
        new(job, kind, (int)job.Progress!.IterationsDone, _timeline.Now - job.Progress.StartSeconds, rate ?? _timeline.RateOf(job.Job), _timeline.PartnerOf(job.Job)?.Id ?? "", message);
}
