namespace GpuPool.Prediction.JobWise;

/// <summary>
/// Where the timeline reads a kernel pair's rates: the cell of A's kernel i beside B's kernel j is
/// Row(i) + Column(j). Implemented by structs, so the timeline is compiled once per layout with
/// every read inlined: a plain matrix (<see cref="MatrixCells"/>), or the predictor's shared rate
/// table read in place, without copying a pair's cells first.
/// </summary>
internal interface IRateCells
{
    int Row(int kernelA);

    int Column(int kernelB);

    /// <summary>The cell's rates and their reciprocals, by reference (one load per event, no copy).</summary>
    ref readonly CellRates Cell(int cell);
}
