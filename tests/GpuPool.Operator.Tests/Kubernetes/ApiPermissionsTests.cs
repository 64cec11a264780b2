using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Ports;

namespace GpuPool.Operator.Tests.Kubernetes;

/// <summary>The RBAC table is exactly the contract's, and failures map onto the port's exceptions.</summary>
public sealed class ApiPermissionsTests
{
    [Fact]
    public void The_table_is_the_contracts_rbac()
    {
        var expected = new[]
        {
            "gpupool.io gpujobs get,list,watch",
            "gpupool.io gpujobs/status patch",
            "gpupool.io gpuprofiles get,list,watch",
            " pods get,list,watch,create,delete",
            " pods/binding create",
            " nodes get,list,watch",
            " events create",
            "coordination.k8s.io leases get,create,update",
        };

        Assert.Equal(expected, ApiPermissions.All.Select(p => $"{p.ApiGroup} {p.Resource} {string.Join(',', p.Verbs)}"));
    }

    [Fact]
    public async Task A_call_with_a_verb_outside_the_table_is_refused_before_it_is_made()
    {
        var called = false;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ApiCall.RunAsync(ApiPermissions.Nodes, "patch", () =>
        {
            called = true;
            return Task.FromResult(0);
        }));

        Assert.False(called);
        Assert.Contains("patch core/nodes", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<int, Type> Statuses => new()
    {
        { 409, typeof(ApiConflictException) },
        { 404, typeof(ApiNotFoundException) },
        { 410, typeof(ResourceExpiredException) },
        { 429, typeof(TransientApiException) },
        { 500, typeof(TransientApiException) },
        { 503, typeof(TransientApiException) },
        { 400, typeof(ApiRefusedException) },
        { 403, typeof(ApiRefusedException) },
        { 422, typeof(ApiRefusedException) },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Http_statuses_map_onto_the_ports_exceptions(int status, Type expected)
    {
        var error = ApiCall.Map("create core/pods", status, """{"kind":"Status","reason":"Why","message":"because"}""", null);

        Assert.IsType(expected, error);
        Assert.Contains($"HTTP {status} Why: because", error.Message, StringComparison.Ordinal);
    }
}
