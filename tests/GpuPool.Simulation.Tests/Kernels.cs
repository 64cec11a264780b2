using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Tests;

/// <summary>Small kernel builders for tests.</summary>
public static class Kernels
{
    /// <summary>A kernel of 160 blocks of 256 threads: 8 blocks per SM fit by threads, 2 per SM by grid on a V100.</summary>
    public static KernelProfile Make(
        string id,
        double seconds = 0.001,
        int grid = 640,
        int threads = 256,
        IReadOnlyDictionary<string, double>? counters = null,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>>? quotas = null) =>
        new(id, new LaunchGeometry(grid, threads, 32, 0), seconds, counters ?? new Dictionary<string, double>(), quotas);

    public static IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> NormIpc(params (int Quota, double Rate)[] points) =>
        points.ToDictionary(p => p.Quota, p => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { [CounterNames.NormalizedIpc] = p.Rate });
}
