using k8s;
using k8s.Models;

namespace GpuPool.Node.Tests;

/// <summary>
/// A pod bound to the node that asks for more than a whole GPU's share is refused at admission
/// (the kubelet counts each GPU's 100 share units) and ends Failed with a message naming the
/// resource. (A resource the node does not list at all is stripped by the kubelet, as for any
/// extended resource; the operator only binds to GPUs in the node's inventory.)
/// </summary>
[Collection(NodeTestGroup.Name)]
[Trait("Category", "Node")]
public sealed class AdmissionRefusalTests(NodeFixture node)
{
    public static TheoryData<string, string, long> Requests => new()
    {
        { "share-150", $"{NodeFixture.ResourcePrefix}-0", 150 },
        { "share-101", $"{NodeFixture.ResourcePrefix}-{NodeFixture.SimulatedGpus - 1}", 101 },
    };

    [NodeTheory]
    [MemberData(nameof(Requests))]
    public async Task A_request_the_node_cannot_serve_ends_the_pod_failed_naming_the_resource(string name, string resource, long units)
    {
        var ns = await node.NewNamespaceAsync("node-refusal");
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new V1PodSpec
            {
                NodeName = node.Node.NodeName,
                RestartPolicy = "Never",
                Containers =
                [
                    new V1Container
                    {
                        Name = "main",
                        Image = node.Node.Image,
                        ImagePullPolicy = "Never",
                        Args = ["gpupool", "--help"],
                        Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { [resource] = new(units.ToString(System.Globalization.CultureInfo.InvariantCulture)) } },
                    },
                ],
            },
        };
        await node.Client.CoreV1.CreateNamespacedPodAsync(pod, ns);

        V1Pod? seen = null;
        await node.WaitUntilAsync(
            async () => (seen = await node.Client.CoreV1.ReadNamespacedPodAsync(name, ns)).Status?.Phase == "Failed",
            TimeSpan.FromSeconds(60), $"pod {name} did not end Failed");
        Assert.Contains(resource, seen!.Status.Message, StringComparison.Ordinal);
    }
}
