namespace GpuPool.Operator.Tests.Chart;

/// <summary>A theory that is skipped, with the reason, when no helm binary is available.</summary>
public sealed class RequiresHelmTheoryAttribute : TheoryAttribute
{
    public RequiresHelmTheoryAttribute()
    {
        if (HelmBinary.Path is null)
        {
            Skip = HelmBinary.SkipReason;
        }
    }
}
