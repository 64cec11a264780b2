using System.Collections.Concurrent;
using GpuPool.Core.Jobs;
using GpuPool.Prediction.JobWise;

namespace GpuPool.Prediction.Pairing;

/// <summary>
/// A job as the predictor keeps it: its kernel sequence, each kernel's number in the rate tables,
/// per rate table (by its ordinal) the memo of fastest rates beside this job, and per share its
/// slowness alone.
/// </summary>
internal sealed class JobKernels(Job job, int[] index)
{
    private readonly ConcurrentDictionary<double, double> _aloneSlowness = new();
    private volatile FastestBeside?[] _beside = [];

    public Job Job { get; } = job;

    public KernelSequence Sequence { get; } = KernelSequence.Of(job);

    public int[] Index { get; } = index;

    public int MaxIndex { get; } = index.Max();

    public int Count => Index.Length;

    /// <summary>The job's slowness alone at <paramref name="share"/>, computed once per share.</summary>
    public double AloneSlowness<TState>(double share, Func<TState, double, double> compute, TState state) =>
        _aloneSlowness.TryGetValue(share, out var known) ? known : _aloneSlowness.GetOrAdd(share, s => compute(state, s));

    public FastestBeside? Beside(int table)
    {
        var beside = _beside;
        return table < beside.Length ? beside[table] : null;
    }

    /// <summary>Keeps <paramref name="memo"/> for the table; a memo lost to a racing writer is only made again.</summary>
    public void Remember(int table, FastestBeside memo)
    {
        var beside = _beside;
        if (table >= beside.Length)
        {
            Array.Resize(ref beside, table + 1);
            _beside = beside;
        }

        beside[table] = memo;
    }
}
