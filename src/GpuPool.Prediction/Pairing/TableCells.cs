using GpuPool.Prediction.JobWise;

namespace GpuPool.Prediction.Pairing;

/// <summary>
/// One job pair's cells read in place from a <see cref="KernelRateTable"/>: A's kernel i is row
/// number rows[i] of the dense table, B's kernel j column number columns[j].
/// </summary>
internal readonly struct TableCells(double[] rateA, double[] rateB, double[] slownessA, double[] slownessB, int[] rows, int[] columns, int capacity)
    : IRateCells
{
    public int Row(int kernelA) => rows[kernelA] * capacity;

    public int Column(int kernelB) => columns[kernelB];

    public double RateA(int cell) => rateA[cell];

    public double RateB(int cell) => rateB[cell];

    public double SlownessA(int cell) => slownessA[cell];

    public double SlownessB(int cell) => slownessB[cell];
}
