namespace GpuPool.Prediction.JobWise;

/// <summary>A row-major rate matrix (A's kernels by B's) with the reciprocals computed once.</summary>
internal readonly struct MatrixCells : IRateCells
{
    private readonly CellRates[] _cells;
    private readonly int _columns;

    public MatrixCells(ReadOnlySpan<double> rateA, ReadOnlySpan<double> rateB, int columns)
    {
        _columns = columns;
        _cells = new CellRates[rateA.Length];
        for (var c = 0; c < _cells.Length; c++)
        {
            _cells[c] = CellRates.Of(rateA[c], rateB[c]);
        }
    }

    public int Row(int kernelA) => kernelA * _columns;

    public int Column(int kernelB) => kernelB;

    public ref readonly CellRates Cell(int cell) => ref _cells[cell];
}
