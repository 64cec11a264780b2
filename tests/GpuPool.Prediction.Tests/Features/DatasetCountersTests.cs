using GpuPool.Core.Datasets;
using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Tests.Support;
using GpuPool.Prediction.Training;

namespace GpuPool.Prediction.Tests.Features;

public class DatasetCountersTests
{
    [Fact]
    public void Counters_the_catalogue_does_not_know_become_own_and_partner_features()
    {
        var data = JobLevelData.Six(jobs: 4, seed: 1);

        var extended = DatasetCounters.Extend(FeatureCatalog.Full, DatasetCounters.Of(data));

        Assert.Equal(JobLevelData.SixCounters.Select(c => c.Job).Order(StringComparer.Ordinal), extended.Added);
        Assert.Empty(extended.Ignored);
        Assert.Equal(FeatureCatalog.Full.Count + (2 * extended.Added.Count), extended.Set.Count);
        var x = new KernelAtQuota(data.Profiles[0], 1, data.Gpu);
        var y = new KernelAtQuota(data.Profiles[1], 1, data.Gpu);
        var row = extended.Set.Extract(x, y);
        var names = extended.Set.Schema.Names.ToList();
        Assert.Equal(data.Profiles[0].Counter("dram_util"), row[names.IndexOf("dram_util_x")], precision: 5);
        Assert.Equal(data.Profiles[1].Counter("dram_util"), row[names.IndexOf("dram_util_y")], precision: 5);
    }

    [Fact]
    public void Counters_the_catalogue_knows_add_nothing()
    {
        var extended = DatasetCounters.Extend(FeatureCatalog.Full, [CounterNames.DramBandwidth, CounterNames.SpBusy]);

        Assert.Same(FeatureCatalog.Full, extended.Set);
        Assert.Empty(extended.Added);
    }

    [Fact]
    public void A_counter_whose_feature_names_clash_with_the_sets_is_ignored_and_says_why()
    {
        // "threads" would make threads_x and threads_y, which the full set already has.
        var extended = DatasetCounters.Extend(FeatureCatalog.Full, ["threads", "power_w"]);

        Assert.Equal(["power_w"], extended.Added);
        var ignored = Assert.Single(extended.Ignored);
        Assert.Contains("threads (its feature 'threads_x' is already one of set 'full')", ignored, StringComparison.Ordinal);
    }

    public static TheoryData<string> SetNames => new() { "full", "full-unscaled", "paper" };

    [Theory]
    [MemberData(nameof(SetNames))]
    public void A_saved_schema_resolves_to_the_same_extended_set(string setName)
    {
        var extended = DatasetCounters.Extend(FeatureCatalog.ByName(setName), ["power_w", "sm_util"]).Set;

        var resolved = DatasetCounters.Resolve(extended.Schema);

        Assert.Null(extended.Schema.Mismatch(resolved.Schema));
    }

    [Fact]
    public void A_model_reading_a_data_sets_own_counters_saves_and_loads_with_the_same_predictions()
    {
        var data = JobLevelData.Six(jobs: 8, seed: 2);
        var features = DatasetCounters.Extend(FeatureCatalog.Full, DatasetCounters.Of(data)).Set;
        var samples = PairSampleBuilder.Build(data, features);
        using var model = new KernelModelTrainer(TimeProvider.System).Train(samples, features, LearnerKind.FastTree, new LearnerOptions { Trees = 20 }, "jobs");
        using var file = new MemoryStream();

        ModelFile.Save(model, file);
        file.Position = 0;
        using var loaded = ModelFile.Load(file, "jobs.zip");

        Assert.Null(features.Schema.Mismatch(loaded.Features.Schema));
        var rows = samples.Select(s => s.Features).ToList();
        Assert.Equal(model.PredictMany(rows), loaded.PredictMany(rows));
    }

    [Fact]
    public void A_schema_with_a_tail_that_is_not_counter_blocks_is_refused()
    {
        var schema = FeatureCatalog.Full.Schema with { Names = [.. FeatureCatalog.Full.Schema.Names, "power_w_x", "something"] };

        var error = Assert.Throws<ArgumentException>(() => DatasetCounters.Resolve(schema));

        Assert.Contains("not counter blocks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_features_are_both_quotas_and_each_counter_of_both_sides()
    {
        var raw = DatasetCounters.Raw(["quota", "power_w"]);
        var kernel = new KernelProfile("k", new LaunchGeometry(640, 256, 32, 0), 1.0, new Dictionary<string, double> { ["power_w"] = 250 });
        var data = new ProfileDataset(GpuModel.V100, [kernel], []);

        var row = raw.Extract(new KernelAtQuota(kernel, 3, data.Gpu), new KernelAtQuota(kernel, 5, data.Gpu));

        // A counter named "quota" would repeat quota_x and quota_y; the quotas win.
        Assert.Equal(["quota_x", "quota_y", "power_w_x", "power_w_y"], raw.Schema.Names);
        Assert.Equal([3f, 5f, 250f, 250f], row);
    }

    public static TheoryData<int, DatasetCounterUse, bool> Uses => new()
    {
        // catalogue counters the data set names, use, whether its own counters are read
        { 0, DatasetCounterUse.Auto, true },
        { DatasetCounters.KernelLevelCounters - 1, DatasetCounterUse.Auto, true },
        { DatasetCounters.KernelLevelCounters, DatasetCounterUse.Auto, false },
        { DatasetCounters.KernelLevelCounters, DatasetCounterUse.All, true },
        { 0, DatasetCounterUse.None, false },
    };

    [Theory]
    [MemberData(nameof(Uses))]
    public void Auto_reads_a_data_sets_own_counters_unless_it_names_enough_of_the_catalogues_and_says_which_it_ignores(int known, DatasetCounterUse use, bool read)
    {
        var counters = FeatureCatalog.KnownCounters.Order(StringComparer.Ordinal).Take(known).Append("power_w").ToList();

        var features = DatasetCounters.For(FeatureCatalog.Full, counters, use);

        Assert.Equal(read, features.Added.Contains("power_w"));
        Assert.Equal(!read, features.Ignored.Any(i => i.Contains("power_w", StringComparison.Ordinal) && i.StartsWith("1 counters the catalogue does not know (", StringComparison.Ordinal)));
    }
}
