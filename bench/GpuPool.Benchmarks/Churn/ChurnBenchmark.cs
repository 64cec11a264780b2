using System.Diagnostics;
using System.Globalization;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Benchmarks.Churn;

/// <summary>
/// The `churn` mode: the operator (host composition, in-memory port) through a long run with churn
/// (<see cref="ChurnOptions"/>), its memory sampled every few windows, then checked against the
/// stated bound and for an upward trend over the second half. Exit code 1 when either fails.
/// </summary>
internal static class ChurnBenchmark
{
    private const double MiB = 1024 * 1024;

    public static async Task<int> RunAsync(TextWriter output, ChurnOptions options)
    {
        var cluster = new FakeCluster();
        for (var n = 0; n < options.Nodes; n++)
        {
            cluster.NodeFeed.Put(Objects.Node(string.Create(CultureInfo.InvariantCulture, $"churn-{n:D2}"), gpus: options.GpusPerNode));
        }

        var workload = new ChurnWorkload(options);
        workload.CreateProfiles(cluster);
        var lifecycle = new ChurnLifecycle(options.RunningWindows);
        await using var gpupool = await ChurnOperator.StartAsync(cluster);
        output.WriteLine($"Churn benchmark: {options.Windows} windows, {options.ArrivalsPerWindow} jobs and {options.ProfileEditsPerWindow} profile edits a window, {options.Nodes} x {options.GpusPerNode} GPUs, {Environment.ProcessorCount} logical cores, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        output.WriteLine(Header());
        var samples = new List<ChurnSample>();
        var (inWindows, cpuInWindows) = (TimeSpan.Zero, TimeSpan.Zero);
        using var process = Process.GetCurrentProcess();
        var intervalMaxRss = 0.0;
        for (var window = 1; window <= options.Windows; window++)
        {
            lifecycle.Advance(cluster, window);
            workload.Arrive(cluster, window);
            await OperatorHarness.SettleAsync(() => cluster.IsSeenBy(gpupool.Scheduler.Cache));
            Forget(cluster);
            process.Refresh();
            var (started, cpu) = (Stopwatch.GetTimestamp(), process.TotalProcessorTime);
            await gpupool.Scheduler.Window.RunAsync(CancellationToken.None);
            inWindows += Stopwatch.GetElapsedTime(started);
            process.Refresh();
            cpuInWindows += process.TotalProcessorTime - cpu;
            intervalMaxRss = Math.Max(intervalMaxRss, process.WorkingSet64 / MiB);
            if (window % options.SampleEvery == 0)
            {
                samples.Add(Sample(window, process, intervalMaxRss, cluster, workload, lifecycle, gpupool, (inWindows / options.SampleEvery, cpuInWindows / options.SampleEvery)));
                output.WriteLine(Row(samples[^1]));
                (inWindows, cpuInWindows, intervalMaxRss) = (TimeSpan.Zero, TimeSpan.Zero, 0);
            }
        }

        return Verdict(output, options, samples, workload.DistinctKernels) ? 0 : 1;
    }

    // The fake keeps every watch event (for resuming) and every Event the operator emitted; a real
    // server compacts its history and expires Events, so the run's memory is the operator's.
    private static void Forget(FakeCluster cluster)
    {
        cluster.Events.Clear();
        cluster.JobFeed.Compact(endWatches: false);
        cluster.PodFeed.Compact(endWatches: false);
        cluster.ProfileFeed.Compact(endWatches: false);
        cluster.NodeFeed.Compact(endWatches: false);
    }

    private static ChurnSample Sample(int window, Process process, double intervalMaxRss, FakeCluster cluster, ChurnWorkload workload, ChurnLifecycle lifecycle, ChurnOperator gpupool, (TimeSpan Wall, TimeSpan Cpu) meanWindow)
    {
        var rss = process.WorkingSet64 / MiB;
        // The large object heap (the rate tables) is compacted too, so what stays resident is what lives.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true) / MiB;
        var info = GC.GetGCMemoryInfo();
        process.Refresh();
        return new ChurnSample(
            window,
            cluster.JobFeed.Items().Count,
            workload.DistinctKernels,
            lifecycle.Finished,
            meanWindow.Wall.TotalMilliseconds,
            meanWindow.Cpu.TotalMilliseconds,
            rss,
            intervalMaxRss,
            process.WorkingSet64 / MiB,
            heap,
            info.TotalCommittedBytes / MiB,
            process.PeakWorkingSet64 / MiB,
            ResidentParts.Read(),
            info.FragmentedBytes / MiB,
            gpupool.CacheEntries(),
            gpupool.CacheResets());
    }

    private static bool Verdict(TextWriter output, ChurnOptions options, List<ChurnSample> samples, int distinctKernels)
    {
        var late = samples.Where(s => s.Window >= options.TrendFrom).ToList();
        var rssSlope = ChurnTrend.SlopePer100Windows([.. late.Select(s => (s.Window, s.RssAfterGcMiB))]);
        var heapSlope = ChurnTrend.SlopePer100Windows([.. late.Select(s => (s.Window, s.HeapMiB))]);
        var peak = samples.Max(s => s.PeakRssMiB);
        var bounded = peak <= options.RssBoundMiB;
        var flat = rssSlope <= options.FlatSlopeMiBPer100Windows;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"distinct kernels over the run: {distinctKernels:N0}; jobs finished: {samples[^1].Finished:N0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bound: peak RSS {peak:F0} MiB <= {options.RssBoundMiB:F0} MiB: {(bounded ? "met" : "NOT met")}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trend, windows {options.TrendFrom}-{options.Windows}: RSS after GC {rssSlope:+0.0;-0.0} MiB, managed heap {heapSlope:+0.0;-0.0} MiB per 100 windows; flat (<= {options.FlatSlopeMiBPer100Windows:F0}): {(flat ? "yes" : "NO")}"));
        return bounded && flat;
    }

    private static string Header() =>
        "| window | jobs | kernels | finished | window ms | CPU ms | RSS MiB | max RSS | RSS after GC | heap MiB | GC committed | fragmented | anon MiB | file MiB | threads | peak RSS | cache entries | resets |";

    private static string Row(ChurnSample s) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {s.Window,6} | {s.JobsInCluster,4} | {s.DistinctKernels,7:N0} | {s.Finished,8:N0} | {s.MeanWindowMs,9:F0} | {s.MeanWindowCpuMs,6:F0} | {s.RssMiB,7:F0} | {s.IntervalMaxRssMiB,7:F0} | {s.RssAfterGcMiB,12:F0} | {s.HeapMiB,8:F0} | {s.GcCommittedMiB,12:F0} | {s.FragmentedMiB,10:F0} | {s.AfterGc.AnonMiB,8:F0} | {s.AfterGc.FileMiB,8:F0} | {s.AfterGc.Threads,7} | {s.PeakRssMiB,8:F0} | {string.Join(' ', s.Caches.Select(c => $"{c.Part}={c.Entries}"))} | {s.CacheResets,6} |");
}
