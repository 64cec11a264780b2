using System.Globalization;
using System.Text;
using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Workloads;

/// <summary>
/// Seeded synthetic kernel profiles whose counters follow the artifact's per-class summary
/// statistics (<see cref="KernelClass"/>), so the calibrated model treats them like the artifact's
/// kernels without shipping a single artifact row. Writes the GpuPool profiles.csv layout.
/// </summary>
public static class SyntheticKernelGenerator
{
    /// <summary>The seed and count of the embedded default kernel set.</summary>
    public const int DefaultSeed = 2022;

    public const int DefaultCount = 19;

    public static IReadOnlyList<KernelProfile> Generate(int count, int seed, GpuModel gpu)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(gpu);
        var random = new Random(seed);
        var kernels = new List<KernelProfile>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = random.NextDouble() < KernelClass.Memory.Share ? KernelClass.Memory : KernelClass.Compute;
            kernels.Add(Draw($"syn-{kind.Name}-{i:00}", kind, random, gpu));
        }

        return kernels;
    }

    private const string MemoryColumn = Datasets.GpuPoolDatasetReader.MemoryMiBCounter;

    /// <summary>profiles.csv text for <paramref name="kernels"/>; memory_mib is the kernel's counter of that name (0 without one).</summary>
    public static string ToCsv(IReadOnlyList<KernelProfile> kernels)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        // memory_mib has its own column (the loader keeps it as a counter of that name).
        var counters = kernels.SelectMany(k => k.Counters.Keys).Where(c => c != MemoryColumn).Distinct().Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append("id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes");
        counters.ForEach(c => text.Append(',').Append(Quoted(c)));
        text.Append('\n');
        foreach (var k in kernels)
        {
            var g = k.Geometry;
            text.Append(CultureInfo.InvariantCulture, $"{Quoted(k.Id)},{k.IsolatedSeconds:R},{k.Counter(MemoryColumn):R},{g.GridBlocks},{g.ThreadsPerBlock},{g.RegistersPerThread},{g.SharedMemoryPerBlockBytes}");
            counters.ForEach(c => text.Append(',').Append(k.Counter(c).ToString("R", CultureInfo.InvariantCulture)));
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A field as RFC 4180 writes it: quoted when it holds a comma or a quote (profiled kernel names often do).</summary>
    private static string Quoted(string field) =>
        field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    private static KernelProfile Draw(string id, KernelClass kind, Random random, GpuModel gpu)
    {
        var block = kind.BlockSizes[random.Next(kind.BlockSizes.Count)];

        // Registers are capped so that at least one block fits an SM.
        var maxRegisters = gpu.RegistersPerSm / block / 4 * 4;
        var registers = Math.Min((int)Math.Round(kind.RegistersPerThread.Sample(random)), maxRegisters);
        var sharedMemory = (int)Math.Min(Math.Round(kind.SharedMemoryPerBlock.Sample(random)), gpu.SharedMemoryPerSmBytes);
        var geometry = new LaunchGeometry((int)Math.Round(kind.GridBlocks.SampleLog(random)), block, registers, sharedMemory);
        var counters = kind.Counters.ToDictionary(c => c.Key, c => Math.Round(c.Value.Sample(random), 6), StringComparer.Ordinal);

        // Drawn independently, a stall component could exceed the issue interval it is part of.
        counters[Gpus.KernelLoad.ScoreboardCyclesCounter] = Math.Min(counters[Gpus.KernelLoad.ScoreboardCyclesCounter], Math.Round(0.95 * counters[Gpus.KernelLoad.CyclesPerIssueCounter], 6));
        var seconds = Math.Round(kind.IsolatedSeconds.SampleLog(random), 9);
        return new KernelProfile(id, geometry, seconds, counters);
    }
}
