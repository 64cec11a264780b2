using System.Globalization;
using GpuPool.Cli.Tests.Support;

namespace GpuPool.Cli.Tests;

public sealed class CalibrateCommandTests
{
    [Fact]
    public void Prints_the_term_and_correction_options_both_weight_columns_and_every_split()
    {
        using var files = new TempFiles();
        WriteDataset(files);

        var (code, output, _) = CliRun.Invoke("calibrate", "--dataset", files.Path(""), "--folds", "2");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("kernels 5, measured co-runs 20", lines[0]);
        Assert.Matches(@"^per-kernel terms: penalty [0-9.]+, rank [12] \(chosen by inner 4-fold CV\), fitted for 5 kernels", lines[2]);
        Assert.Matches(@"^exponent correction: (kernel width [0-9.]+, penalty [0-9.]+ \(chosen by the same inner CV|none \()", lines[3]);
        Assert.Equal(12, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[a-z_0-9]+\s+-?[0-9]+\.[0-9]{4}\s+-?[0-9]+\.[0-9]{4}$")));
        var splits = lines.SkipWhile(l => !l.StartsWith("split", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(["in-sample (fit on all)", "2-fold grouped by kernel pair", "leave-one-kernel-out", "leave-one-kernel-out, counters only"], splits.Select(l => l[..37].Trim()));
        Assert.All(splits, l => Assert.InRange(double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2], CultureInfo.InvariantCulture), 0, 1));
    }

    /// <summary>Five kernels, every pair at two quota splits, NPs falling with the partner's DRAM use.</summary>
    private static void WriteDataset(TempFiles files)
    {
        var dram = new[] { 0.1, 0.3, 0.5, 0.7, 0.9 };
        var profiles = new List<string> { "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes,ipc,avg_dram_bw" };
        profiles.AddRange(dram.Select((d, i) => string.Create(CultureInfo.InvariantCulture, $"k{i},0.01,100,640,256,32,0,{4000 * (1 - d)},{d}")));
        var pairs = new List<string> { "a,b,quota_a,quota_b,np_a,np_b" };
        for (var a = 0; a < dram.Length; a++)
        {
            for (var b = a + 1; b < dram.Length; b++)
            {
                foreach (var (qa, qb) in new[] { (2, 4), (4, 2) })
                {
                    pairs.Add(string.Create(CultureInfo.InvariantCulture, $"k{a},k{b},{qa},{qb},{0.9 - (0.4 * dram[b] * qb / 4):0.000},{0.9 - (0.4 * dram[a] * qa / 4):0.000}"));
                }
            }
        }

        File.WriteAllLines(files.Path("profiles.csv"), profiles);
        File.WriteAllLines(files.Path("pairs.csv"), pairs);
    }
}
