using System.Globalization;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Simulation.Workloads;

/// <summary>
/// The Philly cluster trace (timestamp, duration, num_gpus, ...), read in place: single-GPU jobs
/// only, in submission order, as seconds since the first of them.
/// </summary>
public static class PhillyTrace
{
    public static IReadOnlyList<(double SubmitSeconds, double DurationSeconds)> ReadSingleGpuJobs(string path)
    {
        var table = CsvTable.Load(path);
        var jobs = new List<(DateTime, double)>();
        foreach (var record in table.Records)
        {
            if (record.WholeNumber("num_gpus", 0) != 1)
            {
                continue;
            }

            var text = record.Text("timestamp");
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when))
            {
                throw record.Error("timestamp", $"'{text}' is not a date and time.");
            }

            jobs.Add((when, record.PositiveNumber("duration")));
        }

        if (jobs.Count == 0)
        {
            throw new DatasetFormatException($"{table.File}: no single-GPU jobs in the trace.");
        }

        var ordered = jobs.OrderBy(j => j.Item1).ToList();
        var first = ordered[0].Item1;
        return ordered.Select(j => ((j.Item1 - first).TotalSeconds, j.Item2)).ToList();
    }

    /// <summary>Fits <see cref="ArrivalParameters"/> to the gaps between consecutive submissions.</summary>
    public static ArrivalParameters Fit(IReadOnlyList<(double SubmitSeconds, double DurationSeconds)> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var gaps = jobs.Zip(jobs.Skip(1), (a, b) => b.SubmitSeconds - a.SubmitSeconds).ToList();
        var positive = gaps.Where(g => g > 0).Select(g => Math.Log(g)).ToList();
        if (positive.Count < 2)
        {
            throw new ArgumentException("Need at least two positive gaps to fit arrivals.", nameof(jobs));
        }

        var mean = positive.Average();
        var sigma = Math.Sqrt(positive.Sum(x => (x - mean) * (x - mean)) / (positive.Count - 1));

        // Normalised to a mean gap of 1 so the shape carries no cluster scale.
        var meanGap = gaps.Average();
        return new ArrivalParameters((double)(gaps.Count - positive.Count) / gaps.Count, mean - Math.Log(meanGap), sigma);
    }
}
