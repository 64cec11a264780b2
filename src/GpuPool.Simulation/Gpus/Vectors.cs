using System.Numerics;

namespace GpuPool.Simulation.Gpus;

/// <summary>The one vector operation the model needs, shared by fitting and prediction.</summary>
public static class Vectors
{
    public static double Dot(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"Vectors differ in length ({a.Count} vs {b.Count}).", nameof(b));
        }

        var sum = 0.0;
        for (var i = 0; i < a.Count; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>The same product over spans, in SIMD lanes where the hardware has them (factorisations' inner loops).</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors differ in length ({a.Length} vs {b.Length}).", nameof(b));
        }

        var lanes = Vector<double>.Count;
        var sums = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - lanes; i += lanes)
        {
            sums += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
        }

        var sum = Vector.Sum(sums);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
