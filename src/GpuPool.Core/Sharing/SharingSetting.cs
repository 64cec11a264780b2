using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Core.Sharing;

/// <summary>
/// How two jobs split one GPU, seen from job A. <see cref="SharingMode.FineGrained"/>: both run on
/// every SM, job A holding <see cref="ShareA"/> of each SM's execution context; on a real GPU this
/// is the MPS active-thread percentage of each process, in simulation it becomes a thread-block
/// quota per SM for each pair of kernels (<see cref="ThreadBlockQuotas"/>).
/// <see cref="SharingMode.Partitioned"/>: disjoint SM slices, as MIG does (the Coarse baseline).
/// <see cref="SharingSetting.Exclusive"/>: one job alone on the GPU.
/// </summary>
public sealed record SharingSetting
{
    private SharingSetting(SharingMode mode, double shareA)
    {
        Mode = mode;
        ShareA = shareA;
    }

    /// <summary>One job alone; no sharing.</summary>
    public static SharingSetting Exclusive { get; } = new(SharingMode.Exclusive, 1.0);

    /// <summary>The default fine-grained split when nothing better is known.</summary>
    public static SharingSetting Even { get; } = new(SharingMode.FineGrained, 0.5);

    public SharingMode Mode { get; }

    /// <summary>Fraction of each SM given to job A, in (0, 1]; 1 means exclusive.</summary>
    public double ShareA { get; }

    public double ShareB => 1.0 - ShareA;

    public bool IsExclusive => Mode == SharingMode.Exclusive;

    /// <summary>The same split seen from the other job.</summary>
    public SharingSetting Swapped => IsExclusive ? this : new SharingSetting(Mode, Math.Round(ShareB, 6));

    /// <summary>Fine-grained sharing: both jobs on every SM, job A with <paramref name="shareA"/> of each.</summary>
    public static SharingSetting Split(double shareA) => new(SharingMode.FineGrained, ValidShare(shareA));

    /// <summary>Coarse sharing: job A alone on <paramref name="shareA"/> of the SMs.</summary>
    public static SharingSetting Partition(double shareA) => new(SharingMode.Partitioned, ValidShare(shareA));

    /// <summary>MPS CUDA_MPS_ACTIVE_THREAD_PERCENTAGE for job A (100 when exclusive).</summary>
    public int MpsPercentA => (int)Math.Round(ShareA * 100);

    /// <summary>MPS CUDA_MPS_ACTIVE_THREAD_PERCENTAGE for job B.</summary>
    public int MpsPercentB => IsExclusive ? 0 : 100 - MpsPercentA;

    /// <summary>
    /// Thread blocks per SM for kernel <paramref name="a"/> (of job A) and <paramref name="b"/>
    /// (of job B) under this split: each kernel gets as many blocks as fit in its share of the
    /// SM's most-contended resource, at least one, never more than it would use alone. Both
    /// quotas together always fit one SM unless a single block of each does not.
    /// </summary>
    public (int QuotaA, int QuotaB) ThreadBlockQuotas(LaunchGeometry a, LaunchGeometry b, GpuModel gpu)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var maxA = a.MaxBlocksPerSm(gpu);
        if (IsExclusive)
        {
            return (maxA, 0);
        }

        var maxB = b.MaxBlocksPerSm(gpu);
        var quotaA = QuotaFor(a.Footprint(gpu).Dominant, ShareA, maxA);
        var quotaB = QuotaFor(b.Footprint(gpu).Dominant, ShareB, maxB);
        return (quotaA, quotaB);
    }

    /// <summary>
    /// Thread blocks per SM the kernel of the job this setting is seen from keeps when it runs
    /// alone: its share's quota, as beside a partner. A share is held for the job's whole run (MPS
    /// fixes a client's active-thread percentage when the process starts), so a job whose partner
    /// ends does not get the GPU back; exclusive, the kernel uses all it can.
    /// </summary>
    public int AloneQuota(LaunchGeometry kernel, GpuModel gpu) => ThreadBlockQuotas(kernel, kernel, gpu).QuotaA;

    public override string ToString() => Mode switch
    {
        SharingMode.Exclusive => "exclusive",
        SharingMode.Partitioned => $"partition {ShareA:0.###}/{ShareB:0.###}",
        _ => $"share {ShareA:0.###}/{ShareB:0.###}",
    };

    private static double ValidShare(double shareA)
    {
        if (!(shareA > 0 && shareA < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(shareA), shareA, "A shared split gives job A a share strictly between 0 and 1.");
        }

        return Math.Round(shareA, 6);
    }

    private static int QuotaFor(double dominant, double share, int max)
    {
        var fits = (int)Math.Floor(share / dominant + 1e-9);
        return Math.Clamp(fits, 1, Math.Max(1, max));
    }
}
