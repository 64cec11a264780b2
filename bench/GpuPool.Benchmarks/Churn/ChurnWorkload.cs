using System.Globalization;
using GpuPool.Contracts.Workloads;
using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Benchmarks.Churn;

/// <summary>
/// What arrives each window: jobs with kernels never seen before (inline), jobs that run one of a
/// few shared GpuProfiles, and profile edits that swap one of a profile's kernels for a new one.
/// Every kernel comes from the synthetic kernel generator (the embedded set's counter statistics),
/// each drawn once, so the run meets as many distinct kernels as it draws.
/// </summary>
internal sealed class ChurnWorkload
{
    private readonly ChurnOptions _options;
    private readonly IReadOnlyList<KernelProfile> _pool;
    private readonly HashSet<string> _identities = new(StringComparer.Ordinal);
    private readonly Random _random = new(7);
    private int _next;

    public ChurnWorkload(ChurnOptions options)
    {
        _options = options;
        _pool = SyntheticKernelGenerator.Generate(options.KernelsOverRun, seed: 16, GpuModel.V100);
    }

    /// <summary>Distinct kernel identities (as the operator keys them) handed out so far.</summary>
    public int DistinctKernels => _identities.Count;

    /// <summary>The shared profiles, each with <see cref="ChurnOptions.KernelsPerProfile"/> new kernels.</summary>
    public void CreateProfiles(FakeCluster cluster)
    {
        for (var p = 0; p < _options.Profiles; p++)
        {
            cluster.ProfileFeed.Put(Objects.Profile(ProfileName(p), [.. Enumerable.Range(0, _options.KernelsPerProfile).Select(_ => NewKernel())]));
        }
    }

    /// <summary>Window <paramref name="window"/>'s profile edits and arrivals.</summary>
    public void Arrive(FakeCluster cluster, int window)
    {
        for (var e = 0; e < _options.ProfileEditsPerWindow; e++)
        {
            var key = $"{Objects.Namespace}/{ProfileName((window * _options.ProfileEditsPerWindow) + e)}";
            var profile = cluster.ProfileFeed.Get(key)!;
            var kernels = profile.Spec.Kernels!.ToArray();
            kernels[window % kernels.Length] = NewKernel();
            profile.Spec = profile.Spec with { Kernels = kernels };
            cluster.ProfileFeed.Put(profile);
        }

        for (var i = 0; i < _options.ArrivalsPerWindow; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"job-{window:D3}-{i:D2}");
            // QoS targets from 0.3 to 0.6: some jobs pair, some run alone.
            var qos = Math.Round(0.3 + (0.3 * _random.NextDouble()), 2);
            cluster.JobFeed.Put(i < _options.InlineJobsPerWindow
                ? Objects.Job(name, qos, kernels: [.. Enumerable.Range(0, _options.KernelsPerInlineJob).Select(_ => NewKernel())])
                : Objects.Job(name, qos, profile: ProfileName(_random.Next(_options.Profiles))));
        }
    }

    private string ProfileName(int index) => string.Create(CultureInfo.InvariantCulture, $"app-{index % _options.Profiles:D2}");

    private KernelSpec NewKernel()
    {
        var drawn = _pool[_next++];
        var spec = new KernelSpec
        {
            Id = drawn.Id,
            GridBlocks = drawn.Geometry.GridBlocks,
            ThreadsPerBlock = drawn.Geometry.ThreadsPerBlock,
            RegistersPerThread = drawn.Geometry.RegistersPerThread,
            SharedMemoryPerBlockBytes = drawn.Geometry.SharedMemoryPerBlockBytes,
            IsolatedSeconds = drawn.IsolatedSeconds,
            Counters = drawn.Counters.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
        };
        _identities.Add(KernelIdentity.Of(spec));
        return spec;
    }
}
