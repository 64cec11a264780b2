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

    double RateA(int cell);

    double RateB(int cell);

    /// <summary>1 / <see cref="RateA"/>: each event multiplies instead of dividing.</summary>
    double SlownessA(int cell);

    /// <summary>1 / <see cref="RateB"/>.</summary>
    double SlownessB(int cell);
}
