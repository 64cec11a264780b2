namespace GpuPool.Prediction.JobWise;

/// <summary>A row-major rate matrix (A's kernels by B's) with the reciprocals computed once.</summary>
internal readonly struct MatrixCells : IRateCells
{
    private readonly double[] _rateA;
    private readonly double[] _rateB;
    private readonly double[] _slownessA;
    private readonly double[] _slownessB;
    private readonly int _columns;

    public MatrixCells(double[] rateA, double[] rateB, int columns)
    {
        (_rateA, _rateB, _columns) = (rateA, rateB, columns);
        (_slownessA, _slownessB) = (new double[rateA.Length], new double[rateB.Length]);
        for (var c = 0; c < rateA.Length; c++)
        {
            _slownessA[c] = 1.0 / rateA[c];
            _slownessB[c] = 1.0 / rateB[c];
        }
    }

    public int Row(int kernelA) => kernelA * _columns;

    public int Column(int kernelB) => kernelB;

    public double RateA(int cell) => _rateA[cell];

    public double RateB(int cell) => _rateB[cell];

    public double SlownessA(int cell) => _slownessA[cell];

    public double SlownessB(int cell) => _slownessB[cell];
}
