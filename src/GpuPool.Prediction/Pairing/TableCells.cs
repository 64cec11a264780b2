using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GpuPool.Prediction.JobWise;

namespace GpuPool.Prediction.Pairing;

/// <summary>
/// One job pair's cells read in place from a <see cref="KernelRateTable"/>: A's kernel i is row
/// number rows[i] of the dense table, B's kernel j column number columns[j]. Reads skip the array
/// bounds checks (a window makes hundreds of millions of them): rows and columns hold one number per
/// kernel of the pair's own sequences, which the timeline never steps past, and
/// <see cref="KernelRateTable.InPlace"/> grows the table past every number before making this view.
/// </summary>
internal readonly struct TableCells(CellRates[] cells, int[] rows, int[] columns, int capacity) : IRateCells
{
    public int Row(int kernelA) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rows), kernelA) * capacity;

    public int Column(int kernelB) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(columns), kernelB);

    public ref readonly CellRates Cell(int cell) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(cells), cell);
}
