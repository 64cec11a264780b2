namespace GpuPool.Core.Placement;

/// <summary>
/// The idle GPUs of a window, handed out best-fit: the GPU with the least memory that still holds
/// what is asked, so large GPUs stay free for large jobs. Ties go to the GPU listed first.
/// </summary>
public sealed class IdleGpuPool
{
    private readonly List<GpuState> _idle;

    public IdleGpuPool(IEnumerable<GpuState> gpus)
    {
        ArgumentNullException.ThrowIfNull(gpus);
        _idle = gpus.Where(g => g.IsIdle).ToList();
    }

    public int Count => _idle.Count;

    /// <summary>Takes the best-fitting idle GPU with at least <paramref name="memoryMiB"/>, or null.</summary>
    public GpuState? TakeBestFit(long memoryMiB)
    {
        var bestIndex = -1;
        for (var i = 0; i < _idle.Count; i++)
        {
            var memory = _idle[i].Gpu.Model.MemoryMiB;
            if (memory >= memoryMiB && (bestIndex < 0 || memory < _idle[bestIndex].Gpu.Model.MemoryMiB))
            {
                bestIndex = i;
            }
        }

        if (bestIndex < 0)
        {
            return null;
        }

        var taken = _idle[bestIndex];
        _idle.RemoveAt(bestIndex);
        return taken;
    }
}
