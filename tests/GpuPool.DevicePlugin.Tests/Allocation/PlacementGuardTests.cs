using GpuPool.Contracts;
using GpuPool.DevicePlugin.Kubelet;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using GpuPool.DevicePlugin.Tests.Support;
using GpuPool.Operator.Scheduling;
using Grpc.Core;
using k8s.Models;
using DevicePluginClient = GpuPool.DevicePlugin.Kubelet.V1Beta1.DevicePlugin.DevicePluginClient;

namespace GpuPool.DevicePlugin.Tests.Allocation;

/// <summary>Real Allocate calls serve the operator's pods only; a pod that is not one fails alone.</summary>
public sealed class PlacementGuardTests(RegisteredPluginFixture fixture) : IClassFixture<RegisteredPluginFixture>
{
    public static TheoryData<string, Func<FakePlacementReader, V1Pod>, StatusCode?> Pods => new()
    {
        // case, the pod waiting for GPU 0 at 100 units, refusal (null: served)
        { "the operator's pod", r => r.Place(0, 100), null },
        { "hand-written: no owner, exclusive, 100%", _ => HandWritten(p => p.Metadata.OwnerReferences = null), StatusCode.PermissionDenied },
        { "GpuJob owner, no seal", _ => HandWritten(_ => { }), StatusCode.PermissionDenied },
        { "sealed with a key the attacker made up", _ => Sealed("forged", "a-key-the-attacker-made-up-0123456789"), StatusCode.PermissionDenied },
        { "sealed, but its GpuJob does not exist", _ => Sealed("gone"), StatusCode.PermissionDenied },
        { "sealed, its GpuJob was recreated (another uid)", r => WithJob(r, Sealed("recreated"), "uid-new"), StatusCode.PermissionDenied },
        { "the operator's seal copied onto a pod with more units", r => Raised(r.Place(0, 50)), StatusCode.PermissionDenied },
    };

    [Theory]
    [MemberData(nameof(Pods))]
    public async Task Only_a_pod_the_operator_placed_is_given_the_gpu(string name, Func<FakePlacementReader, V1Pod> waiting, StatusCode? refusal)
    {
        var reader = fixture.Host.Placements;
        reader.Clear();
        reader.Put(waiting(reader));

        var error = await Record.ExceptionAsync(() => AllocateAsync(0, 100));

        Assert.True(refusal == (error as RpcException)?.StatusCode, $"{name}: {error?.Message ?? "served"}");
    }

    public static TheoryData<string, Func<V1Pod>> Bystanders => new()
    {
        // case, another pending pod on the node beside the operator's pod waiting for GPU 0 at 40 units
        { "malformed gpu-index, no GPU asked", () => HandWritten(p => { p.Metadata.Annotations[PodAnnotations.GpuIndex] = "zero"; p.Spec.Containers[0].Resources = null; }) },
        { "hand-written, asks for GPU 1", () => HandWritten(p => p.Spec.Containers[0].Resources.Limits = new Dictionary<string, ResourceQuantity> { ["gpupool.io/gpu-1"] = new("100") }) },
        { "hand-written, asks for another amount of GPU 0", () => HandWritten(p => p.Spec.Containers[0].Resources.Limits["gpupool.io/gpu-0"] = new("60")) },
        { "malformed share and owner", () => HandWritten(p => { p.Metadata.Annotations[PodAnnotations.Share] = "1e999"; p.Metadata.OwnerReferences[0].Uid = null; }) },
    };

    [Theory]
    [MemberData(nameof(Bystanders))]
    public async Task A_bad_pod_asking_for_something_else_does_not_block_the_operators_pod(string name, Func<V1Pod> bystander)
    {
        var reader = fixture.Host.Placements;
        reader.Clear();
        reader.Put(bystander());
        reader.Place(0, 40);

        var response = await AllocateAsync(0, 40);

        Assert.True(Assert.Single(response.ContainerResponses).Envs["CUDA_MPS_ACTIVE_THREAD_PERCENTAGE"] == "40", name);
    }

    [Fact]
    public async Task A_call_no_waiting_pod_asks_for_is_refused_and_an_unreachable_api_server_is_unavailable()
    {
        var reader = fixture.Host.Placements;
        reader.Clear();
        reader.Place(0, 50);

        var unasked = await Assert.ThrowsAsync<RpcException>(() => AllocateAsync(0, 100));
        reader.Failure = new HttpRequestException("connection refused");
        var unreachable = await Assert.ThrowsAsync<RpcException>(() => AllocateAsync(0, 50));

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.Unavailable), (unasked.StatusCode, unreachable.StatusCode));
        Assert.Contains("connection refused", unreachable.Status.Detail, StringComparison.Ordinal);
    }

    private static V1Pod HandWritten(Action<V1Pod> change)
    {
        var pod = OperatorPods.Unsealed("hand-written", 0, 100);
        pod.Metadata.NamespaceProperty = "team-b";
        change(pod);
        return pod;
    }

    private static V1Pod Sealed(string job, string key = PluginHost.PlacementKey) => OperatorPods.Sealed(job, 0, 100, key);

    private static V1Pod WithJob(FakePlacementReader reader, V1Pod pod, string uid)
    {
        reader.JobUids[$"{pod.Metadata.NamespaceProperty}/{pod.Metadata.OwnerReferences[0].Name}"] = uid;
        return pod;
    }

    // The seal of a 50-unit placement kept while the pod asks for the whole GPU.
    private static V1Pod Raised(V1Pod pod)
    {
        pod.Spec.Containers[0].Resources.Limits["gpupool.io/gpu-0"] = new ResourceQuantity("100");
        return pod;
    }

    private async Task<AllocateResponse> AllocateAsync(int gpuIndex, int units)
    {
        using var channel = fixture.Host.PluginChannel(gpuIndex);
        var request = new AllocateRequest();
        request.ContainerRequests.Add(new ContainerAllocateRequest { DevicesIds = { DeviceIds.For(fixture.Host.Inventory.Devices[gpuIndex]).Take(units) } });
        return await new DevicePluginClient(channel).AllocateAsync(request);
    }
}
