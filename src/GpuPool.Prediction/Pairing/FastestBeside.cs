namespace GpuPool.Prediction.Pairing;

/// <summary>
/// For one job and one rate table: each kernel's fastest rate beside any of the job's kernels,
/// indexed by kernel number, NaN until first asked. <see cref="RowKernel"/> holds a kernel on the
/// row (A) side of the table with the job's kernels as columns; <see cref="ColumnKernel"/> a
/// kernel on the column (B) side with the job's kernels as rows. Values are deterministic, so two
/// threads filling the same entry write the same number.
/// </summary>
internal sealed class FastestBeside
{
    public FastestBeside(int kernels)
    {
        Kernels = kernels;
        RowKernel = new double[kernels];
        ColumnKernel = new double[kernels];
        Array.Fill(RowKernel, double.NaN);
        Array.Fill(ColumnKernel, double.NaN);
    }

    public int Kernels { get; }

    public double[] RowKernel { get; }

    public double[] ColumnKernel { get; }
}
