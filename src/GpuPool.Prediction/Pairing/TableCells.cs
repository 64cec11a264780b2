using GpuPool.Prediction.JobWise;

namespace GpuPool.Prediction.Pairing;

/// <summary>
/// One job pair's cells read in place from a <see cref="KernelRateTable"/>: A's kernel i is row
/// number rows[i] of the dense table, B's kernel j column number columns[j].
/// </summary>
internal readonly struct TableCells(CellRates[] cells, int[] rows, int[] columns, int capacity) : IRateCells
{
    public int Row(int kernelA) => rows[kernelA] * capacity;

    public int Column(int kernelB) => columns[kernelB];

    public double RateA(int cell) => cells[cell].RateA;

    public double RateB(int cell) => cells[cell].RateB;

    public double SlownessA(int cell) => cells[cell].SlownessA;

    public double SlownessB(int cell) => cells[cell].SlownessB;
}
