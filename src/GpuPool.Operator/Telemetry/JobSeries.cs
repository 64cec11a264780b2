using System.Globalization;
using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Telemetry;

/// <summary>
/// The per-job series of the dashboard (what a user asks of one job under sharing: its QoS target,
/// predicted and measured NP, where it runs and beside whom). One label "gpujob" = namespace/name,
/// the key status.partner uses: Prometheus owns "job", and "namespace" is the scrape target's in
/// most clusters (kubernetes_sd), which would hide the job's own. Only the newest <c>max</c> jobs have series, so a
/// cluster with a long history exports a bounded number; a deleted job loses its series.
/// </summary>
public static class JobSeries
{
    public static IReadOnlyList<(string[] Labels, double Value)> Np(IReadOnlyList<GpuJob> newest)
    {
        ArgumentNullException.ThrowIfNull(newest);
        var rows = new List<(string[], double)>();
        foreach (var job in newest)
        {
            rows.Add(([job.Key, "target"], job.Spec.QosTarget));
            if (job.Status?.PredictedNp is { } predicted)
            {
                rows.Add(([job.Key, "predicted"], predicted));
            }

            if (job.Status?.MeasuredNp is { } measured)
            {
                rows.Add(([job.Key, "measured"], measured));
            }
        }

        return rows;
    }

    /// <summary>One series per placed job (value 1): node, GPU, partner ("" alone) and mode.</summary>
    public static IReadOnlyList<string[]> Placements(IReadOnlyList<GpuJob> newest)
    {
        ArgumentNullException.ThrowIfNull(newest);
        return [.. newest.Where(j => j.Status is { Node.Length: > 0, Gpu: not null }).Select(j =>
        {
            var partner = j.Status!.Partner ?? string.Empty;
            return new[]
            {
                j.Key,
                j.Status.Node!,
                j.Status.Gpu!.Value.ToString(CultureInfo.InvariantCulture),
                partner,
                partner.Length == 0 ? "alone" : "shared",
            };
        })];
    }

    /// <summary>The newest <paramref name="max"/> jobs by creation time (name breaks ties, so the choice is stable).</summary>
    public static IReadOnlyList<GpuJob> Newest(IEnumerable<GpuJob> jobs, int max)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return [.. jobs
            .OrderByDescending(j => j.Metadata.CreationTimestamp ?? DateTime.MinValue)
            .ThenBy(j => j.Key, StringComparer.Ordinal)
            .Take(max)];
    }
}
