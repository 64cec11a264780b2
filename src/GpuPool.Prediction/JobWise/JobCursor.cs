using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GpuPool.Prediction.JobWise;

/// <summary>Where one job of a pair is in its kernel sequence, in isolated seconds of work.</summary>
internal struct JobCursor(double[] durations, int iterations, double totalSeconds)
{
    private readonly double[] _durations = durations;
    private readonly int _iterations = iterations;
    private readonly double _totalSeconds = totalSeconds;

    public int Kernel;
    public int CompletedIterations;
    public double RemainingInKernel = durations[0];
    public double Done;
    public double End = double.NaN;

    public readonly bool Finished => !double.IsNaN(End);

    public readonly double RemainingWork => _totalSeconds - Done;

    /// <summary>Runs <paramref name="seconds"/> at <paramref name="rate"/> without finishing the kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Progress(double seconds, double rate)
    {
        var work = seconds * rate;
        RemainingInKernel -= work;
        Done += work;
    }

    /// <summary>Finishes the current kernel; true when the next one is in the same iteration (most events).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NextKernel()
    {
        Done += RemainingInKernel;
        if (++Kernel < _durations.Length)
        {
            // Kernel is within the durations: the check just made.
            RemainingInKernel = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_durations), Kernel);
            return true;
        }

        return false;
    }

    /// <summary>After <see cref="NextKernel"/> ended an iteration: starts the next one, or ends the job at <paramref name="now"/>.</summary>
    public void EndIteration(double now)
    {
        Kernel = 0;
        if (++CompletedIterations == _iterations)
        {
            // Exact total: rounding in the partial steps must not leave work behind.
            Done = _totalSeconds;
            End = now;
            return;
        }

        RemainingInKernel = _durations[0];
    }
}
