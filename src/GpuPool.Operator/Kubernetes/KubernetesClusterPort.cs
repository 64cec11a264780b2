using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Resources;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;

namespace GpuPool.Operator.Kubernetes;

/// <summary><see cref="IClusterPort"/> on KubernetesClient; each call names its <see cref="ApiPermissions"/> entry.</summary>
public sealed class KubernetesClusterPort(IKubernetes client) : IClusterPort
{
    private static readonly JsonSerializerOptions _patchJson = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly string[] _statusFields = [.. typeof(GpuJobStatus).GetProperties()
        .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name)
        .OfType<string>()];

    public IResourceFeed<GpuJob> Jobs(string? namespaceName) => CustomFeed<GpuJob>(ApiPermissions.GpuJobs, GpuPoolApi.JobPlural, namespaceName);

    public IResourceFeed<GpuProfile> Profiles(string? namespaceName) => CustomFeed<GpuProfile>(ApiPermissions.GpuProfiles, GpuPoolApi.ProfilePlural, namespaceName);

    public IResourceFeed<V1Node> Nodes() => new KubernetesFeed<V1Node, V1Node>(
        ApiPermissions.Nodes,
        async ct =>
        {
            var list = await client.CoreV1.ListNodeAsync(cancellationToken: ct);
            return new ResourceList<V1Node>([.. list.Items], list.Metadata.ResourceVersion);
        },
        (rv, ct) => client.CoreV1.WatchListNodeAsync(allowWatchBookmarks: true, resourceVersion: rv, cancellationToken: ct),
        node => node,
        node => node.Metadata?.ResourceVersion,
        _ => null,
        (_, _) => null);

    public IResourceFeed<V1Pod> Pods(string? namespaceName) => new KubernetesFeed<V1Pod, V1Pod>(
        ApiPermissions.Pods,
        async ct =>
        {
            var list = namespaceName is null
                ? await client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct)
                : await client.CoreV1.ListNamespacedPodAsync(namespaceName, cancellationToken: ct);
            return new ResourceList<V1Pod>([.. list.Items], list.Metadata.ResourceVersion);
        },
        (rv, ct) => namespaceName is null
            ? client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, cancellationToken: ct)
            : client.CoreV1.WatchListNamespacedPodAsync(namespaceName, allowWatchBookmarks: true, resourceVersion: rv, cancellationToken: ct),
        pod => pod,
        pod => pod.Metadata?.ResourceVersion,
        _ => null,
        (_, _) => null);

    public async Task<V1Pod?> GetPodAsync(string namespaceName, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await ApiCall.RunAsync(ApiPermissions.Pods, "get", () => client.CoreV1.ReadNamespacedPodAsync(name, namespaceName, cancellationToken: cancellationToken));
        }
        catch (ApiNotFoundException)
        {
            return null;
        }
    }

    public Task<V1Pod> CreatePodAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return ApiCall.RunAsync(ApiPermissions.Pods, "create", () => client.CoreV1.CreateNamespacedPodAsync(pod, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken));
    }

    public Task BindPodAsync(string namespaceName, string podName, string nodeName, CancellationToken cancellationToken)
    {
        var binding = new V1Binding
        {
            Metadata = new V1ObjectMeta { Name = podName, NamespaceProperty = namespaceName },
            Target = new V1ObjectReference { ApiVersion = "v1", Kind = "Node", Name = nodeName },
        };
        return ApiCall.RunAsync(ApiPermissions.PodBindings, "create", () => client.CoreV1.CreateNamespacedPodBindingAsync(binding, podName, namespaceName, cancellationToken: cancellationToken));
    }

    public async Task DeletePodAsync(string namespaceName, string name, string uid, CancellationToken cancellationToken)
    {
        var options = new V1DeleteOptions { GracePeriodSeconds = 0, Preconditions = new V1Preconditions { Uid = uid } };
        try
        {
            await ApiCall.RunAsync(ApiPermissions.Pods, "delete", () => client.CoreV1.DeleteNamespacedPodAsync(name, namespaceName, options, cancellationToken: cancellationToken));
        }
        catch (Exception e) when (e is ApiNotFoundException or ApiConflictException)
        {
            // Gone already, or the name now holds another pod (the UID precondition failed).
        }
    }

    public async Task<GpuJob> PatchJobStatusAsync(string namespaceName, string name, GpuJobStatus status, CancellationToken cancellationToken)
    {
        // A merge patch keeps what it does not name: every status field is named, null when unset.
        var fields = JsonSerializer.SerializeToNode(status, _patchJson)!.AsObject();
        foreach (var field in _statusFields.Where(f => !fields.ContainsKey(f)))
        {
            fields[field] = null;
        }

        var body = new JsonObject { ["status"] = fields }.ToJsonString();
        var patched = await ApiCall.RunAsync(
            ApiPermissions.GpuJobStatus,
            "patch",
            () => client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
                new V1Patch(body, V1Patch.PatchType.MergePatch), GpuPoolApi.Group, GpuPoolApi.Version, namespaceName, GpuPoolApi.JobPlural, name, cancellationToken: cancellationToken));
        return CustomObjectReader.Read<GpuJob>(patched);
    }

    public Task FlagUnreadableJobAsync(UnreadableObject job, GpuJobCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var body = new JsonObject { ["status"] = new JsonObject { ["conditions"] = new JsonArray(JsonSerializer.SerializeToNode(condition, _patchJson)) } }.ToJsonString();
        return ApiCall.RunAsync(
            ApiPermissions.GpuJobStatus,
            "patch",
            () => client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
                new V1Patch(body, V1Patch.PatchType.MergePatch), GpuPoolApi.Group, GpuPoolApi.Version, job.Namespace, GpuPoolApi.JobPlural, job.Name, cancellationToken: cancellationToken));
    }

    public Task EmitEventAsync(JobEvent jobEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobEvent);
        var job = jobEvent.Job;
        var now = DateTime.UtcNow;
        var body = new Corev1Event
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"{job.Metadata.Name}.{now.Ticks:x}",
                NamespaceProperty = job.Metadata.NamespaceProperty,
            },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = GpuPoolApi.ApiVersion,
                Kind = GpuPoolApi.JobKind,
                Name = job.Metadata.Name,
                NamespaceProperty = job.Metadata.NamespaceProperty,
                Uid = job.Metadata.Uid,
                ResourceVersion = job.Metadata.ResourceVersion,
            },
            Reason = jobEvent.Reason,
            Message = jobEvent.Message,
            Type = jobEvent.Warning ? "Warning" : "Normal",
            Source = new V1EventSource { Component = "gpupool-operator" },
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        return ApiCall.RunAsync(ApiPermissions.Events, "create", () => client.CoreV1.CreateNamespacedEventAsync(body, job.Metadata.NamespaceProperty, cancellationToken: cancellationToken));
    }

    /// <summary>KubernetesClient's LeaseLock does get/create/update of coordination.k8s.io leases (all in <see cref="ApiPermissions.Leases"/>).</summary>
    public ILock LeaseLock(string namespaceName, string name, string identity)
    {
        _ = ApiPermissions.Leases;
        return new LeaseLock(client, namespaceName, name, identity);
    }

    private KubernetesFeed<T, object> CustomFeed<T>(ApiPermission permission, string plural, string? namespaceName)
        where T : class, IKubernetesObject<V1ObjectMeta> => new(
        permission,
        async ct =>
        {
            var list = namespaceName is null
                ? await client.CustomObjects.ListClusterCustomObjectAsync<CustomResourceList<JsonElement>>(GpuPoolApi.Group, GpuPoolApi.Version, plural, cancellationToken: ct)
                : await client.CustomObjects.ListNamespacedCustomObjectAsync<CustomResourceList<JsonElement>>(GpuPoolApi.Group, GpuPoolApi.Version, namespaceName, plural, cancellationToken: ct);
            return CustomObjectReader.ReadList<T>(list);
        },
        (rv, ct) => Watch(plural, namespaceName, rv, ct),
        CustomObjectReader.Read<T>,
        item => item.Metadata?.ResourceVersion,
        CustomObjectReader.Read<V1Status>,
        CustomObjectReader.Describe);

    private IAsyncEnumerable<(WatchEventType, object)> Watch(string plural, string? namespaceName, string resourceVersion, CancellationToken ct) =>
        namespaceName is null
            ? client.CustomObjects.WatchListClusterCustomObjectAsync(GpuPoolApi.Group, GpuPoolApi.Version, plural, allowWatchBookmarks: true, resourceVersion: resourceVersion, cancellationToken: ct)
            : client.CustomObjects.WatchListNamespacedCustomObjectAsync(GpuPoolApi.Group, GpuPoolApi.Version, namespaceName, plural, allowWatchBookmarks: true, resourceVersion: resourceVersion, cancellationToken: ct);
}
