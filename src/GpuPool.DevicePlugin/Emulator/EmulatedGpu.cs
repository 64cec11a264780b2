using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Gpus;

namespace GpuPool.DevicePlugin.Emulator;

/// <summary>
/// One simulated GPU running at most two jobs at once, in simulated seconds. Both jobs advance
/// together at the rates the co-run model gives for their current kernel pair under each job's
/// thread-block quota; rates are recomputed whenever either job moves to its next kernel, or a job
/// joins or leaves. Time only moves through <see cref="AdvanceTo"/>, so results do not depend on
/// when the caller happens to look: every kernel boundary is computed exactly.
/// </summary>
public sealed class EmulatedGpu
{
    public const int MaxJobs = 2;

    // Work below this fraction of a kernel counts as done (floating-point residue of a step).
    private const double Residue = 1e-9;

    private readonly List<EmulatedJob> _jobs = [];
    private readonly ICoRunModel _coRun;
    private double _now;

    public EmulatedGpu(int index, string uuid, GpuModel model, ICoRunModel coRun)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uuid);
        Index = index;
        Uuid = uuid;
        Model = model ?? throw new ArgumentNullException(nameof(model));
        _coRun = coRun ?? throw new ArgumentNullException(nameof(coRun));
    }

    public int Index { get; }

    public string Uuid { get; }

    public GpuModel Model { get; }

    public IReadOnlyList<EmulatedJob> Jobs => _jobs;

    /// <summary>Simulated time of the next kernel boundary, or null when idle.</summary>
    public double? NextEventAt => _jobs.Count == 0 ? null : _now + _jobs.Min(j => j.RemainingSeconds / j.Rate);

    /// <summary>Adds a job at simulated time <paramref name="at"/>; refuses when the GPU is full or a kernel cannot run on it.</summary>
    public List<EmulatorNotice> Join(EmulatedJob job, double at)
    {
        ArgumentNullException.ThrowIfNull(job);
        var notices = AdvanceTo(at);
        if (_jobs.Count >= MaxJobs)
        {
            throw new InvalidOperationException($"GPU {Uuid} already runs {MaxJobs} jobs ({string.Join(", ", _jobs)}).");
        }

        var unfit = job.Kernels.FirstOrDefault(k => k.Geometry.MaxBlocksPerSm(Model) < 1);
        if (unfit is not null)
        {
            throw new ArgumentException($"kernel '{unfit.Id}': one thread block does not fit an SM of a {Model.Name}.", nameof(job));
        }

        job.StartedAt = _now;
        _jobs.Add(job);
        try
        {
            Rerate();
        }
        catch (InvalidOperationException)
        {
            _jobs.Remove(job);
            RerateOrFail(notices);
            throw;
        }

        notices.Add(Notice(job, EmulatorNoticeKind.Started));
        notices.AddRange(_jobs.Where(j => j != job).Select(j => Notice(j, EmulatorNoticeKind.Progress)));
        return notices;
    }

    /// <summary>Removes a job that stopped early (its client went away).</summary>
    public List<EmulatorNotice> Leave(EmulatedJob job, double at)
    {
        var notices = AdvanceTo(at);
        if (_jobs.Remove(job))
        {
            RerateAndTell(notices);
        }

        return notices;
    }

    /// <summary>Runs every job forward to simulated time <paramref name="at"/>, kernel boundary by kernel boundary.</summary>
    public List<EmulatorNotice> AdvanceTo(double at)
    {
        var notices = new List<EmulatorNotice>();
        at = Math.Max(at, _now);
        while (_jobs.Count > 0)
        {
            var step = _jobs.Min(j => j.RemainingSeconds / j.Rate);
            if (_now + step > at)
            {
                Spend(at - _now);
                break;
            }

            Spend(step);
            var finished = false;
            var reached = new List<EmulatedJob>();
            foreach (var job in _jobs.Where(j => j.RemainingSeconds <= Residue * j.CurrentKernel.IsolatedSeconds).ToList())
            {
                var decile = Decile(job);
                if (!job.CompleteKernel())
                {
                    continue;
                }

                if (job.IsDone)
                {
                    _jobs.Remove(job);
                    notices.Add(Notice(job, EmulatorNoticeKind.Finished));
                    finished = true;
                }
                else if (Decile(job) > decile)
                {
                    reached.Add(job);
                }
            }

            // Re-rate first, so a progress notice carries the rate of the kernel now running.
            if (finished)
            {
                RerateAndTell(notices);
            }
            else if (RerateOrFail(notices))
            {
                notices.AddRange(reached.Select(j => Notice(j, EmulatorNoticeKind.Progress)));
            }
        }

        _now = at;
        return notices;
    }

    /// <summary>The thread blocks per SM a job's kernel may hold beside <paramref name="other"/>, from its share.</summary>
    internal int QuotaFor(EmulatedJob job, KernelProfile kernel, KernelProfile other)
    {
        return Setting(job).ThreadBlockQuotas(kernel.Geometry, other.Geometry, Model).QuotaA;
    }

    private static SharingSetting Setting(EmulatedJob job) => job.Share >= 1 ? SharingSetting.Exclusive : SharingSetting.Split(job.Share);

    private static int Decile(EmulatedJob job) => job.IterationsDone * 10 / job.Iterations;

    private void Spend(double seconds)
    {
        foreach (var job in _jobs)
        {
            job.RemainingSeconds -= job.Rate * seconds;
        }

        _now += seconds;
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
        try
        {
            Rerate();
            return true;
        }
        catch (InvalidOperationException e)
        {
            notices.AddRange(_jobs.Select(j => Notice(j, EmulatorNoticeKind.Failed, e.Message)));
            _jobs.Clear();
            return false;
        }
    }

    private void Rerate()
    {
        if (_jobs.Count == 1)
        {
            var job = _jobs[0];
            var kernel = job.CurrentKernel;
            job.Rate = Checked(_coRun.AloneRate(kernel, Setting(job).AloneQuota(kernel.Geometry, Model)), kernel);
            job.CoRunner = "";
        }
        else if (_jobs.Count == 2)
        {
            var (a, b) = (_jobs[0], _jobs[1]);
            var (ka, kb) = (a.CurrentKernel, b.CurrentKernel);
            var (rateA, rateB) = _coRun.CoRunRates(ka, kb, QuotaFor(a, ka, kb), QuotaFor(b, kb, ka));
            (a.Rate, b.Rate) = (Checked(rateA, ka), Checked(rateB, kb));
            (a.CoRunner, b.CoRunner) = (b.Id, a.Id);
        }
    }

    private static double Checked(double rate, KernelProfile kernel) =>
        double.IsFinite(rate) && rate > 0
            ? rate
            : throw new InvalidOperationException($"The co-run model gave kernel '{kernel.Id}' the rate {rate}; rates must be positive and finite.");

    private EmulatorNotice Notice(EmulatedJob job, EmulatorNoticeKind kind, string message = "") =>
        new(job, kind, job.IterationsDone, _now - job.StartedAt, job.Rate, job.CoRunner, message);
}
