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
}
