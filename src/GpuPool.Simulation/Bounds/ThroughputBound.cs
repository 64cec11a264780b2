using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Timeline;

namespace GpuPool.Simulation.Bounds;

/// <summary>
/// The Oracle: an upper bound on stpPerGpu (isolated work per busy GPU-second) that no schedule of
/// a workload can beat, whatever its order, arrivals, pairing, QoS or GPU count. On the simulated
/// GPU every busy second runs either one kernel alone or one kernel pair under one setting, at
/// that pair's rates (<see cref="GpuTimeline"/>); so any schedule's busy time, split by (kernel,
/// kernel, setting), is a feasible point of the relaxation "cover every kernel's total isolated work
/// with time spent alone or in pairs", which drops job order, kernel order, arrivals, QoS and GPU
/// counts. The relaxation's least busy time is thus at most any schedule's, and work over it at
/// least any schedule's stpPerGpu. The least time is certified from below (<see cref="CoveringLp"/>),
/// so the bound stays a bound under rounding. It covers the settings it is given: pass every
/// setting a policy can start a pair with. A job larger than the GPU's memory is left out: no
/// schedule can start it, so its work is in no schedule's ratio, and counting it would pull the
/// bound towards its (mostly unshared) time and below schedules that run the rest.
/// </summary>
public static class ThroughputBound
{
    public static double StpPerGpu(IReadOnlyList<Job> jobs, SettingRates rates, IReadOnlyList<SharingSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(settings);
        var runnable = jobs.Where(j => j.GpuMemoryMiB <= rates.Gpu.MemoryMiB).ToList();
        if (runnable.Count == 0)
        {
            return 1.0;
        }

        // 1. Rows: each distinct kernel and the isolated seconds of it the workload needs.
        var kernels = runnable.SelectMany(j => j.Kernels).DistinctBy(k => k.Id).ToList();
        var row = kernels.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var demand = new double[kernels.Count];
        foreach (var job in runnable)
        {
            foreach (var kernel in job.Kernels)
            {
                demand[row[kernel.Id]] += kernel.IsolatedSeconds * job.Iterations;
            }
        }

        // 2. Columns: a kernel alone at its fastest alone rate; every ordered kernel pair under every setting.
        var shared = settings.Where(s => !s.IsExclusive).ToList();
        var columns = new List<double[]>();
        foreach (var kernel in kernels)
        {
            var column = new double[kernels.Count];
            column[row[kernel.Id]] = shared.Append(SharingSetting.Exclusive).Max(s => rates.Alone(kernel, s));
            columns.Add(column);
        }

        foreach (var a in kernels)
        {
            foreach (var b in kernels)
            {
                foreach (var setting in shared)
                {
                    columns.Add(PairColumn(a, b, setting, rates, row, kernels.Count));
                }
            }
        }

        var work = demand.Sum();
        return work / CoveringLp.LowerBound(columns, demand);
    }

    private static double[] PairColumn(KernelProfile a, KernelProfile b, SharingSetting setting, SettingRates rates, Dictionary<string, int> row, int rows)
    {
        var column = new double[rows];
        var (rateA, rateB) = rates.Together(a, b, setting);
        column[row[a.Id]] += rateA;
        column[row[b.Id]] += rateB;
        return column;
    }
}
