using GpuPool.Core.Jobs;
using GpuPool.Prediction.JobWise;

namespace GpuPool.Prediction.Pairing;

/// <summary>A job as the predictor keeps it: its kernel sequence and each kernel's number in the rate tables.</summary>
internal sealed class JobKernels(Job job, int[] index)
{
    public Job Job { get; } = job;

    public KernelSequence Sequence { get; } = KernelSequence.Of(job);

    public int[] Index { get; } = index;

    public int MaxIndex { get; } = index.Max();

    public int Count => Index.Length;
}
