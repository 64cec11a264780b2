using GpuPool.Core.Datasets;

namespace GpuPool.Prediction.Evaluation;

/// <summary>Builds the folds of each split kind; seeded, so every run scores the same folds.</summary>
public static class DatasetSplitter
{
    public static SplitKind Parse(string name) => name?.ToLowerInvariant() switch
    {
        "kfold" => SplitKind.KFold,
        "pair-grouped" => SplitKind.PairGrouped,
        "leave-one-kernel-out" => SplitKind.LeaveOneKernelOut,
        _ => throw new ArgumentException($"Unknown split '{name}'; known: kfold, pair-grouped, leave-one-kernel-out.", nameof(name)),
    };

    public static IReadOnlyList<Fold> Folds(IReadOnlyList<KernelPairMeasurement> pairs, SplitKind kind, int folds = 5, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "folds must be at least 2.");
        }

        return kind switch
        {
            SplitKind.KFold => Grouped(pairs, folds, seed, row => row.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            SplitKind.PairGrouped => Grouped(pairs, folds, seed, row => PairKey(pairs[row])),
            SplitKind.LeaveOneKernelOut => LeaveOneKernelOut(pairs),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown split."),
        };
    }

    /// <summary>The unordered kernel pair of a row.</summary>
    public static string PairKey(KernelPairMeasurement pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return string.CompareOrdinal(pair.KernelA, pair.KernelB) <= 0 ? $"{pair.KernelA}|{pair.KernelB}" : $"{pair.KernelB}|{pair.KernelA}";
    }

    private static List<Fold> Grouped(IReadOnlyList<KernelPairMeasurement> pairs, int folds, int seed, Func<int, string> group)
    {
        // 1. Groups in first-seen order, then shuffled with the seed.
        var groups = Enumerable.Range(0, pairs.Count).GroupBy(group).Select(g => g.ToArray()).ToArray();
        new Random(seed).Shuffle(groups);

        // 2. Deal groups round-robin so folds differ in size by at most one group.
        var all = Enumerable.Range(0, pairs.Count).ToHashSet();
        var result = new List<Fold>(folds);
        for (var f = 0; f < folds; f++)
        {
            var test = groups.Where((_, g) => g % folds == f).SelectMany(rows => rows).ToHashSet();
            result.Add(new Fold($"fold {f + 1}/{folds}", all.Except(test).ToHashSet(), test));
        }

        return result;
    }

    private static List<Fold> LeaveOneKernelOut(IReadOnlyList<KernelPairMeasurement> pairs)
    {
        var kernels = pairs.SelectMany(p => new[] { p.KernelA, p.KernelB }).Distinct().Order(StringComparer.Ordinal);
        return
        [
            .. kernels.Select(kernel =>
            {
                var test = Enumerable.Range(0, pairs.Count).Where(r => pairs[r].KernelA == kernel || pairs[r].KernelB == kernel).ToHashSet();
                var train = Enumerable.Range(0, pairs.Count).Where(r => !test.Contains(r)).ToHashSet();
                return new Fold(kernel, train, test);
            }),
        ];
    }
}
