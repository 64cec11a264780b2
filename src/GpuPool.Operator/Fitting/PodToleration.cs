namespace GpuPool.Operator.Fitting;

/// <summary>One toleration of the job's pod template, matched as kube-scheduler and the kubelet match it.</summary>
public sealed record PodToleration(string? Key, string? Operator, string? Value, string? Effect)
{
    public bool Tolerates(NodeTaint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        if (!string.IsNullOrEmpty(Effect) && Effect != taint.Effect)
        {
            return false;
        }

        // Exists with no key tolerates every taint; Exists with a key, any value of it; Equal (the default) one value.
        if (Operator == "Exists")
        {
            return string.IsNullOrEmpty(Key) || Key == taint.Key;
        }

        return Key == taint.Key && (Value ?? string.Empty) == (taint.Value ?? string.Empty);
    }
}
