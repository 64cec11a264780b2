using GpuPool.Prediction.JobWise;

namespace GpuPool.Prediction.Pairing;

/// <summary>
/// Kernel-pair rates for one sharing setting, in dense arrays indexed by the predictor's kernel
/// numbers and filled on first use: reading a cell costs an array load, not a hash lookup, which
/// matters because every candidate pair reads up to 16 x 16 cells per setting. Thread-safe: a cell
/// is published after its rates; a cell written while the arrays grow may be lost and is then
/// predicted again (predictions are deterministic, so readers never see two answers).
/// </summary>
internal sealed class KernelRateTable(int ordinal, int boundKernels)
{
    /// <summary>Up to this many kernel numbers, each job keeps its fastest-beside memo (2 KiB per job and setting at most).</summary>
    public const int MaxRememberedKernels = 128;

    private readonly Lock _growGate = new();
    private volatile Cells _cells = new(16);
    private int _predicted;

    /// <summary>Cells allocated now (capacity^2, 33 bytes each): what the table costs in memory.</summary>
    public long AllocatedCells => (long)_cells.Capacity * _cells.Capacity;

    /// <summary>Copies the rates of every (row kernel, column kernel) cell into the spans, row-major.</summary>
    public void Fill<TState>(
        JobKernels rows, JobKernels columns, Span<double> rateA, Span<double> rateB, TState state, Func<TState, int, int, (double RateA, double RateB)> predict)
    {
        var view = InPlace(rows, columns, state, predict);
        var n = columns.Index.Length;
        for (var i = 0; i < rows.Index.Length; i++)
        {
            for (var j = 0; j < n; j++)
            {
                ref readonly var cell = ref view.Cell(view.Row(i) + view.Column(j));
                (rateA[(i * n) + j], rateB[(i * n) + j]) = (cell.RateA, cell.RateB);
            }
        }
    }

    /// <summary>
    /// The pair's cells for the timeline, read in place (each predicted first if it is not yet
    /// known): no copy of the pair's matrix per setting and pair.
    /// </summary>
    public TableCells InPlace<TState>(JobKernels rows, JobKernels columns, TState state, Func<TState, int, int, (double RateA, double RateB)> predict)
    {
        var cells = CellsFor(Math.Max(rows.MaxIndex, columns.MaxIndex) + 1);
        for (var i = 0; i < rows.Index.Length; i++)
        {
            var rowStart = rows.Index[i] * cells.Capacity;
            for (var j = 0; j < columns.Index.Length; j++)
            {
                EnsureKnown(cells, rowStart + columns.Index[j], i, j, state, predict);
            }
        }

        return new TableCells(cells.Rates, rows.Index, columns.Index, cells.Capacity);
    }

    /// <summary>
    /// The ceilings' inputs without building the matrix: for each row kernel its fastest rate
    /// beside any column kernel, and for each column kernel its fastest beside any row kernel.
    /// A kernel's fastest rate beside a job depends only on that job's kernels, so it is kept per
    /// job (<see cref="FastestBeside"/>): a window asks it for every pair, and the rows and columns
    /// repeat the same few kernels, so the cells are scanned once per (kernel, job), not per pair.
    /// Past <see cref="MaxRememberedKernels"/> kernel numbers the memo would cost more memory than
    /// the scans it saves, and every pair scans its cells.
    /// </summary>
    public void Fastest<TState>(
        JobKernels rows, JobKernels columns, Span<double> rowFastest, Span<double> columnFastest, TState state, Func<TState, int, int, (double RateA, double RateB)> predict)
    {
        var cells = CellsFor(Math.Max(rows.MaxIndex, columns.MaxIndex) + 1);
        var (besideColumns, besideRows) = (BesideOf(columns, cells.Capacity), BesideOf(rows, cells.Capacity));
        var pair = new PairCells<TState>(this, cells, rows, columns, state, predict);
        Fill(rowFastest, rows.Index, besideColumns?.RowKernel, pair, rowKernel: true);
        Fill(columnFastest, columns.Index, besideRows?.ColumnKernel, pair, rowKernel: false);
    }

    /// <summary>Each kernel's fastest rate: read from the memo where known (a window's usual case, kept
    /// in this loop), else scanned and remembered.</summary>
    private static void Fill<TState>(Span<double> fastest, int[] numbers, double[]? memo, PairCells<TState> pair, bool rowKernel)
    {
        for (var k = 0; k < numbers.Length; k++)
        {
            var known = memo is null ? double.NaN : memo[numbers[k]];
            fastest[k] = double.IsNaN(known) ? pair.Fastest(memo, k, rowKernel) : known;
        }
    }

    /// <summary>Cells predicted so far (a cell lost to a concurrent grow and predicted again counts twice).</summary>
    public int Predicted => Volatile.Read(ref _predicted);

    private (double RateA, double RateB) Rates<TState>(
        Cells cells, JobKernels rows, JobKernels columns, int i, int j, TState state, Func<TState, int, int, (double RateA, double RateB)> predict) =>
        Rates(cells, (rows.Index[i] * cells.Capacity) + columns.Index[j], i, j, state, predict);

    /// <summary>One cell's rates, predicted (and kept) on first use.</summary>
    private (double RateA, double RateB) Rates<TState>(
        Cells cells, int cell, int i, int j, TState state, Func<TState, int, int, (double RateA, double RateB)> predict)
    {
        EnsureKnown(cells, cell, i, j, state, predict);
        return (cells.Rates[cell].RateA, cells.Rates[cell].RateB);
    }

    private void EnsureKnown<TState>(Cells cells, int cell, int i, int j, TState state, Func<TState, int, int, (double RateA, double RateB)> predict)
    {
        if (Volatile.Read(ref cells.Known[cell]) == 0)
        {
            Learn(cells, cell, predict(state, i, j));
        }
    }

    /// <summary>The job's memo of fastest rates beside it, large enough for <paramref name="kernels"/> kernel numbers; null past the limit.</summary>
    private FastestBeside? BesideOf(JobKernels job, int kernels)
    {
        if (kernels > MaxRememberedKernels)
        {
            return null;
        }

        if (job.Beside(ordinal) is { } known && known.Kernels >= kernels)
        {
            return known;
        }

        // A memo outgrown by new kernel numbers starts afresh; a racing thread's copy is equally right.
        var fresh = new FastestBeside(kernels);
        job.Remember(ordinal, fresh);
        return fresh;
    }

    private void Learn(Cells cells, int cell, (double RateA, double RateB) rates)
    {
        cells.Rates[cell] = CellRates.Of(rates.RateA, rates.RateB);

        // Two callers may predict the same cell at once; both write the same rates, one counts it.
        if (Interlocked.CompareExchange(ref cells.Known[cell], 1, 0) == 0)
        {
            Interlocked.Increment(ref _predicted);
        }
    }

    private Cells CellsFor(int kernels)
    {
        var cells = _cells;
        if (kernels <= cells.Capacity)
        {
            return cells;
        }

        lock (_growGate)
        {
            if (kernels > _cells.Capacity)
            {
                _cells = _cells.GrownTo(NextCapacity(kernels, _cells.Capacity, boundKernels));
            }

            return _cells;
        }
    }

    /// <summary>
    /// Doubling, but never past the bound by more than needed: a window that numbers a few kernels
    /// more than the bound (they are dropped before the next one) would otherwise hold a table of
    /// twice the bound, four times its cells, until then. Past the bound it grows by an eighth.
    /// </summary>
    private static int NextCapacity(int needed, int capacity, int bound) =>
        Math.Max(needed, Math.Min(2 * capacity, Math.Max(bound, capacity + (capacity / 8))));

    private sealed class Cells(int capacity)
    {
        public int Capacity { get; } = capacity;

        public CellRates[] Rates { get; } = new CellRates[capacity * capacity];

        public byte[] Known { get; } = new byte[capacity * capacity];

        public Cells GrownTo(int capacity)
        {
            var grown = new Cells(capacity);
            for (var i = 0; i < Capacity; i++)
            {
                for (var j = 0; j < Capacity; j++)
                {
                    var (from, to) = ((i * Capacity) + j, (i * capacity) + j);
                    if (Volatile.Read(ref Known[from]) == 1)
                    {
                        (grown.Rates[to], grown.Known[to]) = (Rates[from], 1);
                    }
                }
            }

            return grown;
        }
    }

    /// <summary>One pair's view of the table for the ceilings' scans.</summary>
    private readonly struct PairCells<TState>(
        KernelRateTable table, Cells cells, JobKernels rows, JobKernels columns, TState state, Func<TState, int, int, (double RateA, double RateB)> predict)
    {
        /// <summary>
        /// The fastest rate of row kernel k beside every column kernel (or of column kernel k beside
        /// every row kernel), scanned, and remembered in the job's memo when it has one.
        /// </summary>
        public double Fastest(double[]? memo, int k, bool rowKernel)
        {
            var fastest = 0.0;
            var partners = rowKernel ? columns.Index.Length : rows.Index.Length;
            for (var m = 0; m < partners; m++)
            {
                var rates = rowKernel ? table.Rates(cells, rows, columns, k, m, state, predict) : table.Rates(cells, rows, columns, m, k, state, predict);
                fastest = Math.Max(fastest, rowKernel ? rates.RateA : rates.RateB);
            }

            memo?[rowKernel ? rows.Index[k] : columns.Index[k]] = fastest;
            return fastest;
        }
    }
}
