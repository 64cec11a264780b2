using System.Text.Json;
using GpuPool.Cli.SimRun;
using GpuPool.Cli.Tests.Support;
using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Gpus;
using GpuPool.Simulation.Timeline;
using Xunit.Abstractions;

namespace GpuPool.Cli.Tests.SimRun;

public sealed class SimRunCommandTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Two_sim_runs_sharing_an_emulated_gpu_measure_the_np_the_co_run_model_gives_the_pair()
    {
        await using var host = await EmulatorHost.StartAsync();
        var uuid = host.Gpus[0].Uuid;
        using var logs = new TempFiles();
        var environment = new Dictionary<string, string> { ["GPUPOOL_EMULATOR_SOCKET"] = host.Socket, ["GPUPOOL_GPU_UUID"] = uuid, ["GPUPOOL_SHARE"] = "0.5" };
        var gemm = new SimRunInvocation();
        var stream = new SimRunInvocation();

        // One reads its workload from a file, the other from the env the pod template maps the annotation to.
        var gemmRun = gemm.RunAsync(environment, "--workload", Fixture.Path("workload-gemm.json"), "--termination-log", logs.Path("gemm"));
        var streamRun = stream.RunAsync(
            new Dictionary<string, string>(environment) { ["GPUPOOL_WORKLOAD"] = File.ReadAllText(Fixture.Path("workload-stream.json")) },
            "--termination-log",
            logs.Path("stream"));
        await WaitAsync(() => host.JobsOn(uuid) == 2 || gemmRun.IsCompleted || streamRun.IsCompleted, "both jobs on the GPU");
        host.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal((0, 0), (await gemmRun, await streamRun));
        var measuredGemm = ReadNp(logs.Path("gemm"));
        var measuredStream = ReadNp(logs.Path("stream"));
        var predicted = PredictedPair("workload-gemm.json", "workload-stream.json");

        log.WriteLine($"demo/gemm   measured NP {measuredGemm:0.0000}, co-run model pair timeline {predicted.NpA:0.0000}");
        log.WriteLine($"demo/stream measured NP {measuredStream:0.0000}, co-run model pair timeline {predicted.NpB:0.0000}");

        // The stream job ends first; the gemm job then runs alone for its last ~0.3 s, keeping its
        // 50 % share (the alone rate at its quota) in the emulator and in the pair timeline alike.
        Assert.Equal(predicted.NpB, measuredStream, 6);
        Assert.Equal(predicted.NpA, measuredGemm, 6);
        Assert.EndsWith($"measured-np={measuredStream:0.######}", stream.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("beside demo/stream", gemm.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_alone_with_the_whole_gpu_measures_np_one()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var logs = new TempFiles();
        var environment = new Dictionary<string, string> { ["GPUPOOL_EMULATOR_SOCKET"] = host.Socket, ["GPUPOOL_GPU_UUID"] = host.Gpus[1].Uuid };
        var run = new SimRunInvocation();

        var exit = run.RunAsync(environment, "--workload", Fixture.Path("workload-stream.json"), "--share", "1", "--termination-log", logs.Path("alone"));
        await WaitAsync(() => host.JobsOn(host.Gpus[1].Uuid) == 1 || exit.IsCompleted, "the job on the GPU");
        host.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, await exit);
        Assert.Equal(1.0, ReadNp(logs.Path("alone")), 9);
        Assert.Contains("started: alone", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_resumes_from_its_last_progress_when_the_emulator_restarts_and_counts_every_iteration_once()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gpc-" + Guid.NewGuid().ToString("N")[..8]);
        using var logs = new TempFiles();
        var run = new SimRunInvocation();
        Task<int> exit;
        await using (var first = await EmulatorHost.StartAsync(directory))
        {
            var environment = new Dictionary<string, string> { ["GPUPOOL_EMULATOR_SOCKET"] = first.Socket, ["GPUPOOL_GPU_UUID"] = first.Gpus[0].Uuid };
            exit = run.RunAsync(environment, "--workload", Fixture.Path("workload-stream.json"), "--share", "1", "--termination-log", logs.Path("resumed"));
            await WaitAsync(() => first.JobsOn(first.Gpus[0].Uuid) == 1 || exit.IsCompleted, "the job on the GPU");

            // 22.5 s of isolated work: about half of it is reported done before the plugin stops.
            first.Time.Advance(TimeSpan.FromSeconds(12));
            await WaitAsync(() => run.Output.Contains("progress: 3750/7500", StringComparison.Ordinal) || exit.IsCompleted, "progress to half way");
        }

        await using var second = await EmulatorHost.StartAsync(directory);
        await WaitAsync(() => second.JobsOn(second.Gpus[0].Uuid) == 1 || exit.IsCompleted, "the job back on the restarted emulator");
        second.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, await exit);
        Assert.Contains("emulator went away", run.Output, StringComparison.Ordinal);
        Assert.Contains("resuming after 3750/7500 iterations", run.Output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(logs.Path("resumed")));
        Assert.Equal(22.5, report.RootElement.GetProperty("isolatedSeconds").GetDouble(), 6);
        Assert.Equal(22.5, report.RootElement.GetProperty("sharedSeconds").GetDouble(), 6);
        Assert.Equal(1.0, ReadNp(logs.Path("resumed")), 6);
        Directory.Delete(directory, recursive: true);
    }

    public static TheoryData<string[], string[], string> BadInput => new()
    {
        { [], [], "No workload: pass --workload FILE or set GPUPOOL_WORKLOAD" },
        { ["GPUPOOL_WORKLOAD={\"job\":"], ["--gpu", "GPU-x", "--share", "1"], "GPUPOOL_WORKLOAD line 1, column" },
        { [], ["--workload", "missing.json"], "missing.json' does not exist" },
        { ["GPUPOOL_EMULATOR_SOCKET=/tmp/none.sock"], ["--workload", "@stream", "--share", "1"], "Missing --gpu (or env GPUPOOL_GPU_UUID)" },
        { ["GPUPOOL_EMULATOR_SOCKET=/tmp/none.sock", "GPUPOOL_GPU_UUID=GPU-x"], ["--workload", "@stream"], "Missing --share (or env GPUPOOL_SHARE)" },
        { ["GPUPOOL_EMULATOR_SOCKET=/tmp/none.sock", "GPUPOOL_GPU_UUID=GPU-x", "GPUPOOL_SHARE=1.5"], ["--workload", "@stream"], "1.5 is not in (0, 1]" },
        { ["GPUPOOL_GPU_UUID=GPU-x", "GPUPOOL_SHARE=half"], ["--workload", "@stream", "--emulator-socket", "/tmp/none.sock"], "GPUPOOL_SHARE: 'half' is not a decimal number" },
        { ["GPUPOOL_GPU_UUID=GPU-x", "GPUPOOL_SHARE=1"], ["--workload", "@stream", "--emulator-socket", "/tmp/gpupool-no-such.sock", "--emulator-wait", "1"], "the GPU emulator is unreachable" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_exits_2_with_a_message_naming_what_is_wrong(string[] variables, string[] args, string expected)
    {
        var environment = variables.Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1]);
        var run = new SimRunInvocation();

        var exit = await run.RunAsync(environment, args.Select(a => a == "@stream" ? Fixture.Path("workload-stream.json") : a).ToArray());

        Assert.Equal(2, exit);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gpu_the_emulator_does_not_have_is_refused_with_exit_2()
    {
        await using var host = await EmulatorHost.StartAsync();
        var run = new SimRunInvocation();
        var environment = new Dictionary<string, string> { ["GPUPOOL_EMULATOR_SOCKET"] = host.Socket, ["GPUPOOL_GPU_UUID"] = "GPU-elsewhere", ["GPUPOOL_SHARE"] = "0.5" };

        var exit = await run.RunAsync(environment, "--workload", Fixture.Path("workload-stream.json"));

        Assert.Equal(2, exit);
        Assert.Contains("refused the job: NotFound", run.Error, StringComparison.Ordinal);
    }

    private static PairTimelineResult PredictedPair(string a, string b)
    {
        var model = new ContentionModel(GpuModel.V100, CoRunParameters.Default);
        return new PairTimeline(new SettingRates(model, GpuModel.V100)).Run(JobFrom(a), JobFrom(b), SharingSetting.Even);
    }

    private static Job JobFrom(string fixture)
    {
        var workload = WorkloadParser.Parse(File.ReadAllText(Fixture.Path(fixture)), fixture);
        return new Job(workload.Job, workload.Kernels, workload.Iterations, qosTarget: 0.5, gpuMemoryMiB: 0);
    }

    private static double ReadNp(string terminationLog) =>
        JsonDocument.Parse(File.ReadAllText(terminationLog)).RootElement.GetProperty("measuredNp").GetDouble();

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(10);
        }
    }
}
