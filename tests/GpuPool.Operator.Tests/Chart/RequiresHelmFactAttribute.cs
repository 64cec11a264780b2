namespace GpuPool.Operator.Tests.Chart;

/// <summary>A fact that is skipped, with the reason, when no helm binary is available.</summary>
public sealed class RequiresHelmFactAttribute : FactAttribute
{
    public RequiresHelmFactAttribute()
    {
        if (HelmBinary.Path is null)
        {
            Skip = HelmBinary.SkipReason;
        }
    }
}
