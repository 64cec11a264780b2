using GpuPool.Prediction.Evaluation;

namespace GpuPool.Prediction.Tests.Evaluation;

public class DatasetSplitterTests
{
    public static TheoryData<SplitKind> Kinds => [SplitKind.KFold, SplitKind.PairGrouped, SplitKind.LeaveOneKernelOut];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Train_and_test_rows_never_overlap_and_every_row_is_tested(SplitKind kind)
    {
        var pairs = Profiles.Synthetic(7).Pairs;

        var folds = DatasetSplitter.Folds(pairs, kind);

        Assert.All(folds, f => Assert.Empty(f.TrainRows.Intersect(f.TestRows)));
        Assert.Equal(Enumerable.Range(0, pairs.Count), folds.SelectMany(f => f.TestRows).Distinct().Order());
    }

    [Theory]
    [InlineData(SplitKind.KFold)]
    [InlineData(SplitKind.PairGrouped)]
    public void Fold_splits_test_each_row_exactly_once_in_balanced_folds(SplitKind kind)
    {
        var pairs = Profiles.Synthetic(7).Pairs;

        var folds = DatasetSplitter.Folds(pairs, kind);

        Assert.Equal(5, folds.Count);
        Assert.Equal(pairs.Count, folds.Sum(f => f.TestRows.Count));
        Assert.All(folds, f => Assert.Equal(pairs.Count, f.TrainRows.Count + f.TestRows.Count));
    }

    [Fact]
    public void Pair_grouped_folds_never_train_on_a_tested_kernel_pair()
    {
        var pairs = Profiles.Synthetic(7).Pairs;

        foreach (var fold in DatasetSplitter.Folds(pairs, SplitKind.PairGrouped))
        {
            var tested = fold.TestRows.Select(r => DatasetSplitter.PairKey(pairs[r])).ToHashSet();
            Assert.DoesNotContain(fold.TrainRows, r => tested.Contains(DatasetSplitter.PairKey(pairs[r])));
        }
    }

    [Fact]
    public void Leave_one_kernel_out_never_trains_on_any_row_of_the_held_out_kernel()
    {
        var pairs = Profiles.Synthetic(7).Pairs;

        var folds = DatasetSplitter.Folds(pairs, SplitKind.LeaveOneKernelOut);

        Assert.Equal(7, folds.Count);
        foreach (var fold in folds)
        {
            Assert.DoesNotContain(fold.TrainRows, r => pairs[r].KernelA == fold.Name || pairs[r].KernelB == fold.Name);
            Assert.All(fold.TestRows, r => Assert.True(pairs[r].KernelA == fold.Name || pairs[r].KernelB == fold.Name));
            Assert.Equal(pairs.Count, fold.TrainRows.Count + fold.TestRows.Count);
        }
    }

    [Theory]
    [InlineData("kfold", SplitKind.KFold)]
    [InlineData("pair-grouped", SplitKind.PairGrouped)]
    [InlineData("leave-one-kernel-out", SplitKind.LeaveOneKernelOut)]
    public void Split_names_parse(string name, SplitKind expected) => Assert.Equal(expected, DatasetSplitter.Parse(name));

    [Fact]
    public void An_unknown_split_name_is_named_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => DatasetSplitter.Parse("random"));

        Assert.Contains("'random'", error.Message, StringComparison.Ordinal);
    }
}
