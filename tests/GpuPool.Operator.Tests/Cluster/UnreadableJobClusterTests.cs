using System.Net;
using System.Text.Json;
using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using k8s;
using k8s.Autorest;

namespace GpuPool.Operator.Tests.Cluster;

/// <summary>On a real API server: integers the model cannot hold are refused, and one unreadable job does not stop the list.</summary>
[Collection(ClusterTestGroup.Name)]
[Trait("Category", "Cluster")]
public sealed class UnreadableJobClusterTests(ApiServerFixture server)
{
    public static TheoryData<string> WideIntegers => new()
    {
        "\"iterations\": 2147483648",
        "\"iterations\": 10, \"priority\": 2147483648",
        "\"iterations\": 10, \"kernels\": [{\"id\": \"k\", \"gridBlocks\": 2147483648, \"threadsPerBlock\": 256, \"isolatedSeconds\": 0.01}]",
        "\"iterations\": 10, \"kernels\": [{\"id\": \"k\", \"gridBlocks\": 1, \"threadsPerBlock\": 256, \"sharedMemoryPerBlockBytes\": 2147483648, \"isolatedSeconds\": 0.01}]",
    };

    [ClusterTheory]
    [MemberData(nameof(WideIntegers))]
    public async Task The_api_server_refuses_an_integer_wider_than_the_model_field(string fields)
    {
        var ns = await server.NewNamespaceAsync("wide");
        var body = Raw("wide", ns, $"\"template\": {{\"spec\": {{\"containers\": [{{\"name\": \"main\", \"image\": \"x\"}}]}}}}, \"qosTarget\": 0.5, {fields}");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            server.Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.JobPlural));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
    }

    [ClusterFact]
    public async Task An_unreadable_job_is_skipped_and_flagged_and_the_others_are_scheduled()
    {
        var ns = await server.NewNamespaceAsync("unreadable");
        var node = "gpupool-test-" + ns;
        await server.CreateAsync(Objects.Node(node, gpus: 2));
        try
        {
            var good = Objects.Job("good");
            good.Metadata.NamespaceProperty = ns;
            await server.CreateAsync(good);
            // The schema keeps the template as it is; the model cannot read containers that are not a list.
            var bad = Raw("bad", ns, "\"template\": {\"spec\": {\"containers\": \"not-a-list\"}}, \"qosTarget\": 0.5, \"iterations\": 10, \"kernels\": [{\"id\": \"k\", \"gridBlocks\": 1, \"threadsPerBlock\": 256, \"isolatedSeconds\": 0.01}]");
            await server.Client.CustomObjects.CreateNamespacedCustomObjectAsync(bad, GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.JobPlural);

            await using var harness = await OperatorHarness.StartAsync(new KubernetesClusterPort(server.Client), configure: o => o.Namespaces.Add(ns));
            await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == 1 && harness.Cache.Nodes.Get(node) is not null);
            await harness.WindowAsync();

            Assert.Equal(JobPhase.Scheduled, (await server.GetJobAsync(ns, "good")).Status?.Phase);
            var raw = (JsonElement)await server.Client.CustomObjects.GetNamespacedCustomObjectAsync(GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.JobPlural, "bad");
            var condition = raw.GetProperty("status").GetProperty("conditions")[0];
            Assert.Equal((ConditionTypes.Invalid, "True", ConditionReasons.Unreadable), (condition.GetProperty("type").GetString(), condition.GetProperty("status").GetString(), condition.GetProperty("reason").GetString()));
            var events = await server.Client.CoreV1.ListNamespacedEventAsync(ns);
            Assert.Single(events.Items, e => e.Reason == ConditionReasons.Unreadable && e.InvolvedObject.Name == "bad" && e.Type == "Warning");
        }
        finally
        {
            await server.DeleteNodesAsync(node);
        }
    }

    private static JsonElement Raw(string name, string ns, string spec) => JsonDocument.Parse(
        $"{{\"apiVersion\": \"{GpuPoolApi.ApiVersion}\", \"kind\": \"{GpuPoolApi.JobKind}\", \"metadata\": {{\"name\": \"{name}\", \"namespace\": \"{ns}\"}}, \"spec\": {{{spec}}}}}").RootElement.Clone();
}
