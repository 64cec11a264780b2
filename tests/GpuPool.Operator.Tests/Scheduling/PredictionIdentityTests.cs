using GpuPool.Contracts.Workloads;
using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Watching;
using GpuPool.Prediction.DefaultModel;
using GpuPool.Prediction.JobWise;
using GpuPool.Prediction.Pairing;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>
/// Kernel ids are unique only within one list; predictions must follow what a kernel is, not what
/// it is called. The real predictor and its caches, fed by the operator's translation.
/// </summary>
public sealed class PredictionIdentityTests
{
    private static readonly SharingSetting Half = SharingSetting.Even;

    public static TheoryData<string, bool> SecondJobs => new()
    {
        // the second job's kernel "gemm", whether it must get the first one's prediction
        { "same numbers, other namespace", true },
        { "other counters, other namespace", false },
        { "other counters, same namespace", false },
        { "other geometry, other namespace", false },
    };

    [Theory]
    [MemberData(nameof(SecondJobs))]
    public void A_kernel_id_shares_predictions_only_with_the_same_kernel(string second, bool shared)
    {
        var predictor = new CachingPairPredictor(new ModelPairPredictor(DefaultModel.Load(), GpuModel.V100, new SteadyStateOptions()));
        var partner = Translate(InNamespace(Objects.Job("partner", kernels: [Streaming("stream")]), "team-c"));
        var first = Translate(InNamespace(Objects.Job("first", kernels: [ComputeBound("gemm")]), "team-a"));
        var kernel = second switch
        {
            "same numbers, other namespace" => ComputeBound("gemm"),
            "other geometry, other namespace" => ComputeBound("gemm") with { GridBlocks = 8, ThreadsPerBlock = 1024 },
            _ => Streaming("gemm"),
        };
        var other = Translate(InNamespace(Objects.Job("second", kernels: [kernel]), second.EndsWith("same namespace", StringComparison.Ordinal) ? "team-a" : "team-b"));
        var before = predictor.Predict(first, partner, Half);
        var fresh = new ModelPairPredictor(DefaultModel.Load(), GpuModel.V100, new SteadyStateOptions()).Predict(other, partner, Half);

        var after = predictor.Predict(other, partner, Half);

        Assert.Equal(shared, first.Kernels[0].Id == other.Kernels[0].Id);
        Assert.Equal(fresh, after);
        Assert.Equal(shared, before == after);
    }

    [Fact]
    public void Editing_a_profile_changes_the_next_prediction()
    {
        var cache = new ClusterCache();
        var translations = new JobTranslations(cache);
        var predictor = new CachingPairPredictor(new ModelPairPredictor(DefaultModel.Load(), GpuModel.V100, new SteadyStateOptions()));
        var partner = Translate(Objects.Job("partner", kernels: [Streaming("stream")]));
        var job = WithVersion(Objects.Job("j", profile: "app"), "7");
        cache.Jobs.Upsert(job);
        cache.Profiles.Upsert(WithVersion(Objects.Profile("app", ComputeBound("gemm")), "10"));
        var original = translations.Translate(job).Job!;
        var before = predictor.Predict(original, partner, Half);
        Assert.Same(original, translations.Translate(WithVersion(Objects.Job("j", profile: "app"), "7")).Job);

        cache.Profiles.Upsert(WithVersion(Objects.Profile("app", Streaming("gemm")), "11"));
        var edited = translations.Translate(job).Job!;
        var after = predictor.Predict(edited, partner, Half);

        Assert.NotSame(original, edited);
        Assert.NotEqual(original.Kernels[0].Id, edited.Kernels[0].Id);
        Assert.NotEqual(before, after);
        Assert.Equal(new ModelPairPredictor(DefaultModel.Load(), GpuModel.V100, new SteadyStateOptions()).Predict(edited, partner, Half), after);
    }

    [Fact]
    public void A_translation_is_dropped_with_its_job()
    {
        var cache = new ClusterCache();
        var translations = new JobTranslations(cache);
        var job = Objects.Job("gone");
        cache.Jobs.Upsert(job);
        translations.Translate(job);
        Assert.Equal(1, translations.Sizes[0].Entries);

        cache.Jobs.Apply(new Ports.WatchEvent<GpuJob>(Ports.WatchEventKind.Deleted, job, "2"));

        Assert.True(translations.Trim());
        Assert.Equal(0, translations.Sizes[0].Entries);
    }

    private static Job Translate(GpuJob job) => JobTranslator.Translate(job, _ => null).Job!;

    private static GpuJob InNamespace(GpuJob job, string ns)
    {
        job.Metadata.NamespaceProperty = ns;
        return job;
    }

    private static T WithVersion<T>(T item, string resourceVersion)
        where T : k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>
    {
        item.Metadata.ResourceVersion = resourceVersion;
        item.Metadata.Uid = "uid-" + item.Metadata.Name;
        return item;
    }

    private static KernelSpec ComputeBound(string id) => Objects.Kernel(id, 0.02) with
    {
        Counters = new Dictionary<string, double>
        {
            [CounterNames.Ipc] = 3.2,
            [CounterNames.DramBandwidth] = 0.05,
            [CounterNames.ComputeBusy] = 0.95,
            [CounterNames.DramBusy] = 0.05,
            [CounterNames.SpBusy] = 0.9,
        },
    };

    private static KernelSpec Streaming(string id) => Objects.Kernel(id, 0.02) with
    {
        Counters = new Dictionary<string, double>
        {
            [CounterNames.Ipc] = 0.4,
            [CounterNames.DramBandwidth] = 0.95,
            [CounterNames.ComputeBusy] = 0.1,
            [CounterNames.DramBusy] = 0.95,
            [CounterNames.SpBusy] = 0.1,
        },
    };
}
