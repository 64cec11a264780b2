using GpuPool.Operator.Fitting;
using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Tests.Fitting;

/// <summary>Each check kube-scheduler would make, on plain node facts: the node that would refuse the pod is named, a fine one passes.</summary>
public sealed class NodeFitTests
{
    private static readonly DateTimeOffset _now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan _maxAge = TimeSpan.FromMinutes(10);

    private static readonly NodeFacts _fine = new(
        "node-1",
        Ready: true,
        Taints: [],
        Allocatable: new ResourceUse(4000, 16L << 30),
        Requested: new ResourceUse(1000, 4L << 30),
        StatusReportedAt: _now.AddMinutes(-1),
        UnadvertisedGpus: []);

    private static readonly PodDemand _pod = new(new ResourceUse(2000, 8L << 30), []);

    public static TheoryData<string, NodeFacts, PodDemand, ResourceUse, string?> Rows => new()
    {
        // case, node, pod, already placed this window, expected reason (null: admitted)
        { "fine", _fine, _pod, ResourceUse.None, null },
        { "not ready", _fine with { Ready = false }, _pod, ResourceUse.None, ConditionReasons.NodeNotReady },
        { "device plugin gone", _fine with { UnadvertisedGpus = [1] }, _pod, ResourceUse.None, ConditionReasons.InventoryStale },
        { "status too old", _fine with { StatusReportedAt = _now.AddMinutes(-11) }, _pod, ResourceUse.None, ConditionReasons.InventoryStale },
        { "status of unknown age", _fine with { StatusReportedAt = null }, _pod, ResourceUse.None, null },
        { "NoSchedule taint", _fine with { Taints = [new NodeTaint("gpu", "reserved", "NoSchedule")] }, _pod, ResourceUse.None, ConditionReasons.Taint },
        { "NoExecute taint", _fine with { Taints = [new NodeTaint("maintenance", null, "NoExecute")] }, _pod, ResourceUse.None, ConditionReasons.Taint },
        { "taint tolerated (Equal)", _fine with { Taints = [new NodeTaint("gpu", "reserved", "NoSchedule")] }, _pod with { Tolerations = [new PodToleration("gpu", "Equal", "reserved", "NoSchedule")] }, ResourceUse.None, null },
        { "taint tolerated (Exists, any effect)", _fine with { Taints = [new NodeTaint("gpu", "reserved", "NoSchedule")] }, _pod with { Tolerations = [new PodToleration("gpu", "Exists", null, null)] }, ResourceUse.None, null },
        { "taint tolerated (Exists, no key)", _fine with { Taints = [new NodeTaint("gpu", "reserved", "NoExecute")] }, _pod with { Tolerations = [new PodToleration(null, "Exists", null, null)] }, ResourceUse.None, null },
        { "toleration of another value", _fine with { Taints = [new NodeTaint("gpu", "reserved", "NoSchedule")] }, _pod with { Tolerations = [new PodToleration("gpu", null, "shared", "NoSchedule")] }, ResourceUse.None, ConditionReasons.Taint },
        { "toleration of another effect", _fine with { Taints = [new NodeTaint("gpu", "reserved", "NoExecute")] }, _pod with { Tolerations = [new PodToleration("gpu", "Exists", null, "NoSchedule")] }, ResourceUse.None, ConditionReasons.Taint },
        { "CPU taken by bound pods", _fine with { Requested = new ResourceUse(2500, 0) }, _pod, ResourceUse.None, ConditionReasons.InsufficientCpu },
        { "CPU taken by this window", _fine, _pod, new ResourceUse(1500, 0), ConditionReasons.InsufficientCpu },
        { "CPU exactly enough", _fine, _pod, new ResourceUse(1000, 0), null },
        { "memory taken by bound pods", _fine with { Requested = new ResourceUse(0, 9L << 30) }, _pod, ResourceUse.None, ConditionReasons.InsufficientMemory },
        { "no CPU or memory asked", _fine with { Allocatable = ResourceUse.None }, PodDemand.None, ResourceUse.None, null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_node_that_would_refuse_the_pod_is_named_with_the_check(string name, NodeFacts node, PodDemand pod, ResourceUse placed, string? reason)
    {
        var misfit = NodeFit.Check(node, pod, placed, _now, _maxAge);

        Assert.True(reason == misfit?.Reason, $"{name}: expected {reason ?? "admitted"}, got {misfit?.Reason ?? "admitted"} ({misfit?.Message})");
        if (misfit is not null)
        {
            Assert.StartsWith("node node-1: ", misfit.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_age_bound_accepts_any_status_age()
    {
        var old = _fine with { StatusReportedAt = _now.AddDays(-3) };

        Assert.Null(NodeFit.Check(old, _pod, ResourceUse.None, _now, TimeSpan.Zero));
    }
}
