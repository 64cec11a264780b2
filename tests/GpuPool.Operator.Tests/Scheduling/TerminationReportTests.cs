using GpuPool.Operator.Scheduling;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>The NP a pod's termination message reports: only a positive, finite number counts.</summary>
public sealed class TerminationReportTests
{
    public static TheoryData<string?, double?> Messages => new()
    {
        { """{"measuredNp":0.8}""", 0.8 },
        { """{"isolatedSeconds":3,"sharedSeconds":4}""", 0.75 },
        { """{"measuredNp":0,"isolatedSeconds":1,"sharedSeconds":2}""", 0.5 },
        { """{"isolatedSeconds":1e308,"sharedSeconds":1e-300}""", null },
        { """{"measuredNp":-1}""", null },
        { """{"isolatedSeconds":3}""", null },
        { "not json", null },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Np_is_the_reported_progress_when_it_is_a_positive_finite_number(string? message, double? np) =>
        Assert.Equal(np, TerminationReport.Parse(message)?.Np);
}
