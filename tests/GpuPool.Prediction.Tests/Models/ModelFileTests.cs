using System.IO.Compression;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Training;
using Microsoft.Extensions.Time.Testing;

namespace GpuPool.Prediction.Tests.Models;

public class ModelFileTests
{
    private static readonly DateTimeOffset TrainedAt = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static TheoryData<LearnerKind> Learners => [LearnerKind.FastTree, LearnerKind.FastForest, LearnerKind.LightGbm, LearnerKind.Sdca];

    [Theory]
    [MemberData(nameof(Learners))]
    public void Saved_model_loads_with_identical_predictions_and_its_metadata(LearnerKind learner)
    {
        var samples = PairSampleBuilder.Build(Profiles.Synthetic(6), FeatureCatalog.Full);
        using var model = Train(samples, learner, FeatureCatalog.Full);
        using var file = new MemoryStream();

        ModelFile.Save(model, file);
        file.Position = 0;
        using var loaded = ModelFile.Load(file, "test.zip");

        Assert.Equal(model.PredictMany([.. samples.Select(s => s.Features)]), loaded.PredictMany([.. samples.Select(s => s.Features)]));
        Assert.Equal(model.Predict(samples[0].Features), loaded.Predict(samples[0].Features));
        Assert.Equal(learner.ToString(), loaded.Metadata.Learner);
        Assert.Equal(samples.Count, loaded.Metadata.SampleCount);
        Assert.Equal(TrainedAt, loaded.Metadata.TrainedAt);
        Assert.Equal("synthetic", loaded.Metadata.DataSet);
        Assert.Equal("10", loaded.Metadata.HyperParameters["Trees"]);
        Assert.Null(FeatureCatalog.Full.Schema.Mismatch(loaded.Metadata.Schema));
    }

    [Fact]
    public void Loading_against_another_feature_set_names_the_mismatch()
    {
        using var file = SavedFullModel();

        var error = Assert.Throws<ModelSchemaMismatchException>(() => ModelFile.Load(file, "old.zip", FeatureCatalog.Paper));

        Assert.Contains("old.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("feature set 'full' but 'paper' was expected", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Version\": {v}", "\"Version\": 99", "version 99 but version {v} was expected")]
    [InlineData("\"threads_x\"", "\"threads_a\"", "is 'threads_a' but 'threads_x' was expected")]
    [InlineData("\"SetName\": \"full\"", "\"SetName\": \"future\"", "feature set 'future', which this build does not compute")]
    public void A_file_whose_recorded_schema_differs_from_this_build_is_refused(string original, string replacement, string expected)
    {
        var version = FeatureCatalog.Full.Schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (original, expected) = (original.Replace("{v}", version, StringComparison.Ordinal), expected.Replace("{v}", version, StringComparison.Ordinal));
        using var file = SavedFullModel();
        using var tampered = Rewrite(file, original, replacement);

        var error = Assert.Throws<ModelSchemaMismatchException>(() => ModelFile.Load(tampered, "tampered.zip"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_by_name()
    {
        using var junk = new MemoryStream("not a zip"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(junk, "junk.zip"));

        Assert.Contains("junk.zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_schema_is_refused_by_name()
    {
        using var file = SavedFullModel();
        var text = new StreamReader(new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true).GetEntry("metadata.json")!.Open()).ReadToEnd();
        file.Position = 0;
        var schema = text[text.IndexOf("\"Schema\"", StringComparison.Ordinal)..(text.IndexOf("\"DataSet\"", StringComparison.Ordinal))];
        using var tampered = Rewrite(file, schema, "\"Schema\": null,\n  ");

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(tampered, "null.zip"));

        Assert.Contains("null.zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_entry_that_inflates_past_the_limit_is_refused_before_it_is_read_whole()
    {
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var source = SavedFullModel();
            using var original = new ZipArchive(source, ZipArchiveMode.Read);
            using (var metadata = zip.CreateEntry("metadata.json").Open())
            {
                original.GetEntry("metadata.json")!.Open().CopyTo(metadata);
            }

            using var model = zip.CreateEntry("mlnet-model.zip", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i <= ModelFile.MaxModelBytes >> 20; i++)
            {
                model.Write(zeros);
            }
        }

        bomb.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(bomb, "bomb.zip"));

        Assert.Contains("bomb.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("accepted", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Entries => ["metadata.json", "mlnet-model.zip"];

    [Theory]
    [MemberData(nameof(Entries))]
    public void An_entry_whose_crc_does_not_match_its_bytes_is_refused_by_name(string entryName)
    {
        using var file = SavedFullModel();
        var bytes = file.ToArray();
        uint stored;
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            stored = zip.GetEntry(entryName)!.Crc32;
        }

        // The CRC is written twice (local header and central directory): flip one bit of both.
        var crc = BitConverter.GetBytes(stored);
        var places = Enumerable.Range(0, bytes.Length - 3).Where(i => bytes.AsSpan(i, 4).SequenceEqual(crc)).ToList();
        Assert.Equal(2, places.Count);
        foreach (var place in places)
        {
            bytes[place] ^= 0x01;
        }

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(bytes), "crc.zip"));

        Assert.Contains("crc.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains(entryName, error.Message, StringComparison.Ordinal);
        Assert.Contains("CRC-32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_flips_end_in_success_or_a_named_refusal()
    {
        using var file = SavedFullModel();
        var bytes = file.ToArray();
        var random = new Random(19);
        for (var mutant = 0; mutant < 60; mutant++)
        {
            var copy = (byte[])bytes.Clone();
            copy[random.Next(copy.Length)] ^= (byte)(1 + random.Next(255));
            using var stream = new MemoryStream(copy);
            try
            {
                using var loaded = ModelFile.Load(stream, "flipped.zip");
            }
            catch (Exception e) when (e is InvalidDataException or ModelSchemaMismatchException)
            {
                Assert.Contains("flipped.zip", e.Message, StringComparison.Ordinal);
            }
        }
    }

    private static KernelNpModel Train(IReadOnlyList<PairSample> samples, LearnerKind learner, FeatureSet features) =>
        new KernelModelTrainer(new FakeTimeProvider(TrainedAt)).Train(samples, features, learner, new LearnerOptions { Trees = 10, Leaves = 4, MinExamplesPerLeaf = 2 }, "synthetic");

    private static MemoryStream SavedFullModel()
    {
        using var model = Train(PairSampleBuilder.Build(Profiles.Synthetic(4), FeatureCatalog.Full), LearnerKind.FastTree, FeatureCatalog.Full);
        var file = new MemoryStream();
        ModelFile.Save(model, file);
        file.Position = 0;
        return file;
    }

    /// <summary>A copy of the model file with one text replaced in its metadata.</summary>
    private static MemoryStream Rewrite(MemoryStream file, string original, string replacement)
    {
        var copy = new MemoryStream();
        using (var source = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(copy, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var input = entry.Open();
                using var output = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName.EndsWith(".json", StringComparison.Ordinal))
                {
                    var text = new StreamReader(input).ReadToEnd();
                    Assert.Contains(original, text, StringComparison.Ordinal);
                    using var writer = new StreamWriter(output);
                    writer.Write(text.Replace(original, replacement, StringComparison.Ordinal));
                }
                else
                {
                    input.CopyTo(output);
                }
            }
        }

        copy.Position = 0;
        return copy;
    }
}
