using GpuPool.Cli.Commands;
using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Training;

namespace GpuPool.Cli.Feedback;

/// <summary>
/// Training samples from measured job NPs: an observation of job J beside partner P under a
/// fine-grained split gives, for every kernel pair (x of J, y of P), x's features beside y at the
/// quotas the split gives them (as the predictor computes them), labelled with J's measured NP.
/// Exact for job-level profiles (one kernel per job, a DCGM import); for jobs of several kernels
/// it tells every kernel the job's slowdown. Each sample is repeated <c>weight</c> times, so a few
/// observations among many data set rows still reach leaves of their own.
/// </summary>
public static class ObservationSamples
{
    public static ObservationTraining Build(ObservationSet set, ManifestResources resources, FeatureSet features, GpuModel gpu, int weight, int firstRow)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1);
        var jobs = new Dictionary<string, Job?>(StringComparer.Ordinal);
        var samples = new List<PairSample>();
        var skipped = new List<string>();
        var used = 0;
        foreach (var observation in set.Observations)
        {
            var setting = ObservedSetting.Parse(observation.Setting);
            var job = Job(observation.Job, resources, jobs);
            var partner = observation.Partner.Length == 0 ? null : Job(observation.Partner, resources, jobs);
            var reason = observation.Partner.Length == 0 ? "ran alone"
                : setting is not { Mode: SharingMode.FineGrained } ? $"setting '{observation.Setting}' is not a fine-grained split"
                : job is null ? $"{observation.Job} is not a GpuJob of the --manifests files"
                : partner is null ? $"partner {observation.Partner} is not a GpuJob of the --manifests files"
                : null;
            if (reason is not null)
            {
                skipped.Add($"{observation.Job} ({observation.JobUid}): {reason}");
                continue;
            }

            used++;
            foreach (var x in job!.Kernels)
            {
                foreach (var y in partner!.Kernels)
                {
                    var (quotaX, quotaY) = setting!.ThreadBlockQuotas(x.Geometry, y.Geometry, gpu);
                    var row = features.Extract(new KernelAtQuota(x, quotaX, gpu), new KernelAtQuota(y, quotaY, gpu));
                    for (var w = 0; w < weight; w++)
                    {
                        samples.Add(new PairSample(firstRow + samples.Count, x.Id, y.Id, row, observation.MeasuredNp));
                    }
                }
            }
        }

        return new ObservationTraining(samples, used, skipped, set.Duplicates);
    }

    private static Job? Job(string key, ManifestResources resources, Dictionary<string, Job?> cache)
    {
        if (!cache.TryGetValue(key, out var job))
        {
            var resource = resources.Jobs.FirstOrDefault(j => j.Key == key);
            job = cache[key] = resource is null ? null : resources.Translate(resource).Job;
        }

        return job;
    }
}
