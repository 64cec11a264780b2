using GpuPool.Core.Kernels;

namespace GpuPool.DevicePlugin.Emulator;

/// <summary>
/// One client's job on an emulated GPU: its kernel sequence repeated <see cref="Iterations"/> times,
/// and where it is in that sequence. Only <see cref="EmulatedGpu"/> moves it forward.
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
        Kernels = kernels;
        Iterations = iterations;
        IsolatedSeconds = kernels.Sum(k => k.IsolatedSeconds) * iterations;
        RemainingSeconds = kernels[0].IsolatedSeconds;
    }

    public string Id { get; }

    public double Share { get; }

    public IReadOnlyList<KernelProfile> Kernels { get; }

    public int Iterations { get; }

    /// <summary>The whole job alone on a whole GPU, in simulated seconds: the NP numerator.</summary>
    public double IsolatedSeconds { get; }

    public KernelProfile CurrentKernel => Kernels[KernelIndex];

    internal int KernelIndex { get; private set; }

    internal int IterationsDone { get; private set; }

    /// <summary>Isolated seconds of work left in the current kernel.</summary>
    internal double RemainingSeconds { get; set; }

    /// <summary>Isolated seconds of work done per simulated second right now.</summary>
    internal double Rate { get; set; }

    internal double StartedAt { get; set; }

    internal string CoRunner { get; set; } = "";

    internal bool IsDone => IterationsDone >= Iterations;

    /// <summary>Moves to the next kernel; true when that completed an iteration.</summary>
    internal bool CompleteKernel()
    {
        KernelIndex++;
        var iterationDone = KernelIndex == Kernels.Count;
        if (iterationDone)
        {
            KernelIndex = 0;
            IterationsDone++;
        }

        RemainingSeconds = CurrentKernel.IsolatedSeconds;
        return iterationDone;
    }

    public override string ToString() => Id;
}
