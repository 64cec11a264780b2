using System.Globalization;
using System.Text;

namespace GpuPool.Cli.Tests.Support;

/// <summary>
/// A small made-up data set in the GpuPool layout (docs/dataset-format.md), written to a temp
/// directory: seeded counters per kernel and every kernel pair at three quota pairs, with NP from a
/// smooth law of DRAM and compute contention and the quota, so a model has something to learn.
/// </summary>
public sealed class SyntheticDataset : IDisposable
{
    public const string PairsHeader = "a,b,quota_a,quota_b,np_a,np_b";

    private static readonly (int A, int B)[] Quotas = [(2, 6), (4, 4), (6, 2)];

    public SyntheticDataset(int kernels = 6, int seed = 5)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("gpupool-dataset-").FullName;
        var random = new Random(seed);
        var counters = Enumerable.Range(0, kernels).Select(_ => (Dram: random.NextDouble(), Sp: random.NextDouble(), Ipc: 100 + (900 * random.NextDouble()))).ToArray();
        var profiles = new StringBuilder("id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes,avg_dram_bw,sp_busy,comp_busy,ipc\n");
        for (var k = 0; k < kernels; k++)
        {
            var (dram, sp, ipc) = counters[k];
            profiles.Append(Invariant($"k{k},0.002,100,640,256,32,0,{dram},{sp},{sp},{ipc}\n"));
        }

        var pairs = new StringBuilder(PairsHeader + "\n");
        for (var a = 0; a < kernels; a++)
        {
            for (var b = a + 1; b < kernels; b++)
            {
                foreach (var (qa, qb) in Quotas)
                {
                    pairs.Append(Invariant($"k{a},k{b},{qa},{qb},{Np(counters[a], counters[b], qa):0.0000},{Np(counters[b], counters[a], qb):0.0000}\n"));
                    Rows++;
                }
            }
        }

        File.WriteAllText(PathOf("profiles.csv"), profiles.ToString());
        File.WriteAllText(PathOf("pairs.csv"), pairs.ToString());
    }

    public string Directory { get; }

    /// <summary>Co-run rows in pairs.csv (each gives two samples).</summary>
    public int Rows { get; }

    public string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>Every measured NP in pairs.csv, A's then B's of each row.</summary>
    public IReadOnlyList<double> Labels() =>
    [
        .. File.ReadAllLines(PathOf("pairs.csv")).Skip(1).SelectMany(line =>
        {
            var fields = line.Split(',');
            return new[] { double.Parse(fields[4], CultureInfo.InvariantCulture), double.Parse(fields[5], CultureInfo.InvariantCulture) };
        }),
    ];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static double Np((double Dram, double Sp, double Ipc) x, (double Dram, double Sp, double Ipc) y, int quota) =>
        Math.Clamp(1.0 - (0.3 * Math.Max(0, x.Dram + y.Dram - 0.8)) - (0.2 * Math.Max(0, x.Sp + y.Sp - 1.0)) - (0.04 * (8 - quota)), 0.1, 1.0);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
