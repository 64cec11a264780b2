namespace GpuPool.Prediction.JobWise;

/// <summary>Where one job of a pair is in its kernel sequence, in isolated seconds of work.</summary>
internal struct JobCursor(KernelSequence sequence)
{
    public int Kernel;
    public int CompletedIterations;
    public double RemainingInKernel = sequence.Durations[0];
    public double Done;
    public double End = double.NaN;

    public readonly bool Finished => !double.IsNaN(End);

    public readonly double RemainingWork(KernelSequence s) => s.TotalSeconds - Done;

    /// <summary>Runs <paramref name="seconds"/> at <paramref name="rate"/>; completes the kernel when <paramref name="completes"/>.</summary>
    public void Advance(KernelSequence s, double seconds, double rate, bool completes, double now)
    {
        if (!completes)
        {
            var work = seconds * rate;
            RemainingInKernel -= work;
            Done += work;
            return;
        }

        Done += RemainingInKernel;
        Kernel++;
        if (Kernel == s.Durations.Length)
        {
            Kernel = 0;
            CompletedIterations++;
            if (CompletedIterations == s.Iterations)
            {
                // Exact total: rounding in the partial steps must not leave work behind.
                Done = s.TotalSeconds;
                End = now;
                return;
            }
        }

        RemainingInKernel = s.Durations[Kernel];
    }
}
