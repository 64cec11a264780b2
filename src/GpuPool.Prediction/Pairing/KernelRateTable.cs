namespace GpuPool.Prediction.Pairing;

/// <summary>
/// Kernel-pair rates for one sharing setting, in dense arrays indexed by the predictor's kernel
/// numbers and filled on first use: reading a cell costs an array load, not a hash lookup, which
/// matters because every candidate pair reads up to 16 x 16 cells per setting. Thread-safe: a cell
/// is published after its rates; a cell written while the arrays grow may be lost and is then
/// predicted again (predictions are deterministic, so readers never see two answers).
/// </summary>
internal sealed class KernelRateTable
{
    private readonly Lock _growGate = new();
    private volatile Cells _cells = new(16);
    private int _predicted;

    /// <summary>Copies the rates of every (row kernel, column kernel) cell into the spans, row-major.</summary>
    public void Fill<TState>(
        JobKernels rows, JobKernels columns, Span<double> rateA, Span<double> rateB, TState state, Func<TState, int, int, (double RateA, double RateB)> predict)
    {
        var cells = CellsFor(Math.Max(rows.MaxIndex, columns.MaxIndex) + 1);
        var n = columns.Index.Length;
        for (var i = 0; i < rows.Index.Length; i++)
        {
            var rowStart = rows.Index[i] * cells.Capacity;
            for (var j = 0; j < n; j++)
            {
                var cell = rowStart + columns.Index[j];
                if (Volatile.Read(ref cells.Known[cell]) == 0)
                {
                    Learn(cells, cell, predict(state, i, j));
                }

                rateA[(i * n) + j] = cells.RateA[cell];
                rateB[(i * n) + j] = cells.RateB[cell];
            }
        }
    }

    /// <summary>
    /// The ceilings' inputs without building the matrix: for each row kernel its fastest rate
    /// beside any column kernel, and for each column kernel its fastest beside any row kernel.
    /// </summary>
    public void Fastest<TState>(
        JobKernels rows, JobKernels columns, Span<double> rowFastest, Span<double> columnFastest, TState state, Func<TState, int, int, (double RateA, double RateB)> predict)
    {
        var cells = CellsFor(Math.Max(rows.MaxIndex, columns.MaxIndex) + 1);
        columnFastest.Clear();
        for (var i = 0; i < rows.Index.Length; i++)
        {
            var rowStart = rows.Index[i] * cells.Capacity;
            var fastest = 0.0;
            for (var j = 0; j < columns.Index.Length; j++)
            {
                var cell = rowStart + columns.Index[j];
                if (Volatile.Read(ref cells.Known[cell]) == 0)
                {
                    Learn(cells, cell, predict(state, i, j));
                }

                fastest = Math.Max(fastest, cells.RateA[cell]);
                columnFastest[j] = Math.Max(columnFastest[j], cells.RateB[cell]);
            }

            rowFastest[i] = fastest;
        }
    }

    /// <summary>Cells predicted so far (a cell lost to a concurrent grow and predicted again counts twice).</summary>
    public int Predicted => Volatile.Read(ref _predicted);

    private void Learn(Cells cells, int cell, (double RateA, double RateB) rates)
    {
        (cells.RateA[cell], cells.RateB[cell]) = rates;

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
                _cells = _cells.GrownTo(Math.Max(kernels, 2 * _cells.Capacity));
            }

            return _cells;
        }
    }

    private sealed class Cells(int capacity)
    {
        public int Capacity { get; } = capacity;

        public double[] RateA { get; } = new double[capacity * capacity];

        public double[] RateB { get; } = new double[capacity * capacity];

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
                        (grown.RateA[to], grown.RateB[to], grown.Known[to]) = (RateA[from], RateB[from], 1);
                    }
                }
            }

            return grown;
        }
    }
}
