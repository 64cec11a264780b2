namespace GpuPool.Operator.Fitting;

/// <summary>A node taint with an effect that keeps pods off (NoSchedule or NoExecute).</summary>
public sealed record NodeTaint(string Key, string? Value, string Effect)
{
    public override string ToString() => string.IsNullOrEmpty(Value) ? $"{Key}:{Effect}" : $"{Key}={Value}:{Effect}";
}
