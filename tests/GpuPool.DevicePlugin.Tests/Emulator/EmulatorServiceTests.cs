using GpuPool.Contracts.Emulator.V1;
using GpuPool.Core.Gpus;
using GpuPool.Core.Sharing;
using GpuPool.DevicePlugin.Tests.Support;
using GpuPool.Emulator.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace GpuPool.DevicePlugin.Tests.Emulator;

public sealed class EmulatorServiceTests
{
    private static readonly Dictionary<(string, string), (double, double)> Rates = new() { [("ka", "kb")] = (0.6, 0.8) };

    [Fact]
    public async Task Two_clients_on_one_gpu_finish_with_the_np_the_co_run_model_gives_their_pair()
    {
        using var directory = new TempDirectory();
        var time = new FakeTimeProvider();
        var model = new TableCoRunModel(Rates);
        await using var host = await PluginHost.StartAsync(directory, timeProvider: time, coRunModel: model);
        using var channel = host.EmulatorChannel();
        var client = new GpuEmulator.GpuEmulatorClient(channel);
        var uuid = host.Inventory.Devices[0].Uuid;

        // 6 s and 8 s of isolated work at co-run rates 0.6 and 0.8: both need exactly 10 simulated seconds.
        using var a = client.RunJob(Request("team/a", uuid, "ka", 0.6, share: 0.5));
        Assert.Empty((await NextAsync(a)).Started.CoRunners);
        using var b = client.RunJob(Request("team/b", uuid, "kb", 0.8, share: 0.5));
        Assert.Equal(["team/a"], (await NextAsync(b)).Started.CoRunners);
        time.Advance(TimeSpan.FromSeconds(30));

        var finishedA = await FinishedAsync(a);
        var finishedB = await FinishedAsync(b);

        Assert.Equal(0.6, finishedA.MeasuredNp, 9);
        Assert.Equal(0.8, finishedB.MeasuredNp, 9);
        Assert.Equal((6.0, 10.0), (Math.Round(finishedA.IsolatedSeconds, 9), Math.Round(finishedA.SharedSeconds, 9)));
        var quotas = SharingSetting.Even.ThreadBlockQuotas(Kernels.Kernel("ka", 1).Geometry, Kernels.Kernel("kb", 1).Geometry, GpuModel.V100);
        Assert.Contains(("ka", "kb", quotas.QuotaA, quotas.QuotaB), model.CoRunCalls);
    }

    [Fact]
    public async Task A_client_that_goes_away_leaves_the_gpu_and_its_partner_is_rerated_alone()
    {
        using var directory = new TempDirectory();
        var time = new FakeTimeProvider();
        await using var host = await PluginHost.StartAsync(directory, timeProvider: time, coRunModel: new TableCoRunModel(Rates));
        using var channel = host.EmulatorChannel();
        var client = new GpuEmulator.GpuEmulatorClient(channel);
        var uuid = host.Inventory.Devices[0].Uuid;
        using var a = client.RunJob(Request("team/a", uuid, "ka", 0.6, share: 0.5));
        await NextAsync(a);
        var b = client.RunJob(Request("team/b", uuid, "kb", 0.8, share: 0.5));
        await NextAsync(b);
        Assert.Equal("team/b", (await NextAsync(a)).Progress.CoRunner);

        b.Dispose();
        var alone = await NextAsync(a);
        time.Advance(TimeSpan.FromSeconds(60));
        var finished = await FinishedAsync(a);

        // Alone from t=0 with half of each SM: the test double's alone rate at that quota is 0.5.
        Assert.Equal(("", 0.5), (alone.Progress.CoRunner, alone.Progress.Rate));
        Assert.Equal(0.5, finished.MeasuredNp, 9);
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.5, 0.5)]
    public async Task One_job_alone_runs_at_the_alone_rate_of_its_share(double share, double expectedNp)
    {
        using var directory = new TempDirectory();
        var time = new FakeTimeProvider();
        await using var host = await PluginHost.StartAsync(directory, timeProvider: time, coRunModel: new TableCoRunModel(Rates));
        using var channel = host.EmulatorChannel();
        using var call = new GpuEmulator.GpuEmulatorClient(channel).RunJob(Request("team/a", host.Inventory.Devices[1].Uuid, "ka", 0.6, share));
        await NextAsync(call);
        time.Advance(TimeSpan.FromSeconds(60));

        var finished = await FinishedAsync(call);

        Assert.Equal(expectedNp, finished.MeasuredNp, 9);
    }

    [Fact]
    public async Task A_third_job_and_an_unknown_gpu_are_refused()
    {
        using var directory = new TempDirectory();
        await using var host = await PluginHost.StartAsync(directory, timeProvider: new FakeTimeProvider(), coRunModel: new TableCoRunModel(Rates));
        using var channel = host.EmulatorChannel();
        var client = new GpuEmulator.GpuEmulatorClient(channel);
        var uuid = host.Inventory.Devices[0].Uuid;
        using var a = client.RunJob(Request("team/a", uuid, "ka", 0.6, 0.5));
        await NextAsync(a);
        using var b = client.RunJob(Request("team/b", uuid, "kb", 0.8, 0.5));
        await NextAsync(b);

        using var c = client.RunJob(Request("team/c", uuid, "ka", 0.6, 0.5));
        var full = await Assert.ThrowsAsync<RpcException>(() => NextAsync(c));
        using var d = client.RunJob(Request("team/d", "GPU-nowhere", "ka", 0.6, 0.5));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => NextAsync(d));

        Assert.Equal(StatusCode.FailedPrecondition, full.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var gpu = (await client.ListGpusAsync(new ListGpusRequest())).Gpus.Single(g => g.Uuid == uuid);
        Assert.Equal(2, gpu.Jobs);
    }

    [Theory]
    [InlineData(0.0, 5, "share")]
    [InlineData(1.5, 5, "share")]
    [InlineData(0.5, 0, "iterations")]
    public async Task A_malformed_request_is_refused_naming_the_field(double share, int iterations, string field)
    {
        using var directory = new TempDirectory();
        await using var host = await PluginHost.StartAsync(directory, timeProvider: new FakeTimeProvider());
        using var channel = host.EmulatorChannel();
        var request = Request("team/a", host.Inventory.Devices[0].Uuid, "ka", 0.6, share);
        request.Iterations = iterations;

        using var call = new GpuEmulator.GpuEmulatorClient(channel).RunJob(request);
        var error = await Assert.ThrowsAsync<RpcException>(() => NextAsync(call));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
    }

    private static RunJobRequest Request(string job, string uuid, string kernel, double kernelSeconds, double share)
    {
        var profile = Kernels.Kernel(kernel, kernelSeconds);
        var geometry = profile.Geometry;
        return new RunJobRequest
        {
            Job = job,
            GpuUuid = uuid,
            Share = share,
            Iterations = 10,
            Kernels =
            {
                new Kernel
                {
                    Id = kernel,
                    IsolatedSeconds = kernelSeconds,
                    GridBlocks = geometry.GridBlocks,
                    ThreadsPerBlock = geometry.ThreadsPerBlock,
                    RegistersPerThread = geometry.RegistersPerThread,
                    SharedMemoryPerBlockBytes = geometry.SharedMemoryPerBlockBytes,
                },
            },
        };
    }

    private static async Task<JobEvent> NextAsync(AsyncServerStreamingCall<JobEvent> call)
    {
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token), "the stream ended early");
        return call.ResponseStream.Current;
    }

    private static async Task<Finished> FinishedAsync(AsyncServerStreamingCall<JobEvent> call)
    {
        while (true)
        {
            var next = await NextAsync(call);
            if (next.KindCase == JobEvent.KindOneofCase.Finished)
            {
                return next.Finished;
            }
        }
    }
}
