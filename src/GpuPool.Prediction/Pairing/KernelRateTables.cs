using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;

namespace GpuPool.Prediction.Pairing;

/// <summary>
/// Everything <see cref="ModelPairPredictor"/> remembers, as one unit that is replaced whole when
/// it outgrows its bound: the kernel numbering, one <see cref="KernelRateTable"/> per setting, and
/// each job's numbered kernels. Kernel numbers only mean something inside one instance, so a
/// caller takes the instance once and does all of a prediction's lookups on it. Thread-safe.
/// <paramref name="boundKernels"/> is the predictor's kernel bound: the tables grow past it only as far as needed.
/// </summary>
internal sealed class KernelRateTables(int boundKernels)
{
    // Settings objects remembered by reference for the table lookup.
    private const int RecentTables = 8;

    private readonly ConcurrentDictionary<SharingSetting, KernelRateTable> _tables = new();
    private volatile (SharingSetting Setting, KernelRateTable Table)[] _recentTables = [];
    private readonly int _boundKernels = boundKernels;
    private int _tableOrdinals;
    private readonly ConditionalWeakTable<Job, JobKernels> _jobs = [];
    private readonly Dictionary<string, int> _kernelNumbers = new(StringComparer.Ordinal);
    private readonly Lock _kernelGate = new();

    /// <summary>Distinct kernels numbered so far.</summary>
    public int Kernels
    {
        get
        {
            lock (_kernelGate)
            {
                return _kernelNumbers.Count;
            }
        }
    }

    /// <summary>Kernel pairs (per setting) the kernel-wise model has answered so far.</summary>
    public int PredictedCells => _tables.Values.Sum(t => t.Predicted);

    /// <summary>Cells allocated in every setting's table.</summary>
    public long AllocatedCells => _tables.Values.Sum(t => t.AllocatedCells);

    public JobKernels KernelsOf(Job job) => _jobs.TryGetValue(job, out var known) ? known : _jobs.GetValue(job, Number);

    /// <summary>
    /// The setting's table. A window asks with the same few setting objects millions of times, so
    /// they are first looked up by reference in a short list, before hashing a setting.
    /// </summary>
    public KernelRateTable TableFor(SharingSetting setting)
    {
        var recent = _recentTables;
        for (var i = 0; i < recent.Length; i++)
        {
            if (ReferenceEquals(recent[i].Setting, setting))
            {
                return recent[i].Table;
            }
        }

        // Each table gets its own ordinal (a racing factory call only wastes one): the jobs' memos are kept by it.
        var table = _tables.GetOrAdd(setting, static (_, tables) => new KernelRateTable(Interlocked.Increment(ref tables._tableOrdinals) - 1, tables._boundKernels), this);
        if (recent.Length < RecentTables)
        {
            // Racing writers may drop each other's entry; it is only looked up by hash again.
            _recentTables = [.. recent, (setting, table)];
        }

        return table;
    }

    /// <summary>Kernels are numbered by id (the kernel's identity), densely, in order of first sight.</summary>
    private JobKernels Number(Job job)
    {
        lock (_kernelGate)
        {
            var index = new int[job.Kernels.Count];
            for (var i = 0; i < index.Length; i++)
            {
                var id = job.Kernels[i].Id;
                if (!_kernelNumbers.TryGetValue(id, out index[i]))
                {
                    index[i] = _kernelNumbers.Count;
                    _kernelNumbers.Add(id, index[i]);
                }
            }

            return new JobKernels(job, index);
        }
    }
}
