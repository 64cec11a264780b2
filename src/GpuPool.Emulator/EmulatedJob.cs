using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Timeline;

namespace GpuPool.Emulator;

/// <summary>
/// One client's job on an emulated GPU: its kernel sequence repeated <see cref="Iterations"/> times
/// under its share, which it keeps for its whole run. Only <see cref="EmulatedGpu"/> moves it forward.
/// </summary>
public sealed class EmulatedJob
{
    public EmulatedJob(string id, double share, IReadOnlyList<KernelProfile> kernels, int iterations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(kernels);
        if (!(share > 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "share must be in (0, 1].");
        }

        if (kernels.Count == 0)
        {
            throw new ArgumentException("kernels must not be empty.", nameof(kernels));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        Id = id;
        Share = share;
        Setting = share >= 1 ? SharingSetting.Exclusive : SharingSetting.Split(share);

        // The emulator measures NP and judges no QoS: the target is a placeholder Job requires.
        Job = new Job(id, kernels, iterations, qosTarget: 1.0, gpuMemoryMiB: 0);
    }

    public string Id { get; }

    public double Share { get; }

    public IReadOnlyList<KernelProfile> Kernels => Job.Kernels;

    public int Iterations => Job.Iterations;

    /// <summary>The whole job alone on a whole GPU, in simulated seconds: the NP numerator.</summary>
    public double IsolatedSeconds => Job.IsolatedSeconds;

    /// <summary>The setting seen from this job: its share of every SM, or the whole GPU at share 1.</summary>
    internal SharingSetting Setting { get; }

    /// <summary>The job as the GPU timeline runs it.</summary>
    internal Job Job { get; }

    /// <summary>Where the job is on its GPU's timeline, once it joined.</summary>
    internal JobProgress? Progress { get; set; }

    public override string ToString() => Id;
}
