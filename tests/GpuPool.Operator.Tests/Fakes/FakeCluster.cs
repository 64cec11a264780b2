using System.Collections.Concurrent;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Watching;
using k8s;
using k8s.LeaderElection;
using k8s.Models;

namespace GpuPool.Operator.Tests.Fakes;

/// <summary>
/// An in-memory Kubernetes for the loop's tests: the same rules as the API server where the
/// operator relies on them (create of an existing name and a second binding are 409, status
/// patches merge), a watch history, and injectable faults per write.
/// </summary>
public sealed class FakeCluster : IClusterPort
{
    private readonly FakeClock _versions = new();
    private readonly ConcurrentDictionary<FakeOperation, ConcurrentQueue<FakeFault>> _faults = new();
    private readonly ConcurrentDictionary<string, int> _binds = new(StringComparer.Ordinal);
    private readonly FakeLeaseStore _leases = new();
    private readonly Lock _writeGate = new();

    public FakeCluster()
    {
        JobFeed = new FakeFeed<GpuJob>(_versions);
        ProfileFeed = new FakeFeed<GpuProfile>(_versions);
        NodeFeed = new FakeFeed<V1Node>(_versions);
        PodFeed = new FakeFeed<V1Pod>(_versions);
    }

    public FakeFeed<GpuJob> JobFeed { get; }

    public FakeFeed<GpuProfile> ProfileFeed { get; }

    public FakeFeed<V1Node> NodeFeed { get; }

    public FakeFeed<V1Pod> PodFeed { get; }

    public ConcurrentQueue<JobEvent> Events { get; } = new();

    /// <summary>Conditions written onto unreadable GpuJobs, by key.</summary>
    public ConcurrentQueue<(string Key, GpuJobCondition Condition)> UnreadableFlags { get; } = new();

    /// <summary>Pod creates that hit an existing name (the operator's own retry after a crash, for example).</summary>
    public int CreateConflicts { get; private set; }

    /// <summary>Pods deleted through the port.</summary>
    public int Deletes { get; private set; }

    /// <summary>
    /// When true every write first yields, so writes issued together really overlap (a real API
    /// server answers them concurrently); each write still applies atomically, as on the server.
    /// </summary>
    public bool InterleaveWrites { get; set; }

    /// <summary>Successful bindings per pod key: exactly-once means every value is 1.</summary>
    public IReadOnlyDictionary<string, int> Binds => _binds;

    public void Inject(FakeOperation operation, FakeFault fault, int times = 1)
    {
        var queue = _faults.GetOrAdd(operation, _ => new ConcurrentQueue<FakeFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    public void DropAllWatches()
    {
        JobFeed.DropWatches();
        ProfileFeed.DropWatches();
        NodeFeed.DropWatches();
        PodFeed.DropWatches();
    }

    /// <summary>True when <paramref name="cache"/> holds every object at its stored version, and nothing else.</summary>
    public bool IsSeenBy(ClusterCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return Same(JobFeed.Items(), cache.Jobs.Snapshot())
            && Same(PodFeed.Items(), cache.Pods.Snapshot())
            && Same(NodeFeed.Items(), cache.Nodes.Snapshot())
            && Same(ProfileFeed.Items(), cache.Profiles.Snapshot());
    }

    public IResourceFeed<GpuJob> Jobs(string? namespaceName) => JobFeed;

    public IResourceFeed<GpuProfile> Profiles(string? namespaceName) => ProfileFeed;

    public IResourceFeed<V1Node> Nodes() => NodeFeed;

    public IResourceFeed<V1Pod> Pods(string? namespaceName) => PodFeed;

    public Task<V1Pod?> GetPodAsync(string namespaceName, string name, CancellationToken cancellationToken) =>
        Task.FromResult(PodFeed.Get(namespaceName + "/" + name));

    public Task<V1Pod> CreatePodAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return Write(FakeOperation.CreatePod, () =>
        {
            var key = pod.Metadata.NamespaceProperty + "/" + pod.Metadata.Name;
            if (PodFeed.Get(key) is not null)
            {
                CreateConflicts++;
                throw new ApiConflictException($"pods \"{pod.Metadata.Name}\" already exists");
            }

            return PodFeed.Put(pod);
        });
    }

    public Task BindPodAsync(string namespaceName, string podName, string nodeName, CancellationToken cancellationToken) =>
        Write(FakeOperation.BindPod, () =>
        {
            var key = namespaceName + "/" + podName;
            var pod = PodFeed.Get(key) ?? throw new ApiNotFoundException($"pods \"{podName}\" not found");
            if (!string.IsNullOrEmpty(pod.Spec.NodeName))
            {
                throw new ApiConflictException($"pod {podName} is already assigned to node \"{pod.Spec.NodeName}\"");
            }

            pod.Spec.NodeName = nodeName;
            PodFeed.Put(pod);
            _binds.AddOrUpdate(key, 1, (_, n) => n + 1);
            return true;
        });

    public Task DeletePodAsync(string namespaceName, string name, string uid, CancellationToken cancellationToken) =>
        Write(FakeOperation.DeletePod, () =>
        {
            var key = namespaceName + "/" + name;
            if (PodFeed.Get(key) is { } pod && pod.Metadata.Uid == uid)
            {
                PodFeed.Delete(key);
                Deletes++;
            }

            return true;
        });

    public Task<GpuJob> PatchJobStatusAsync(string namespaceName, string name, GpuJobStatus status, CancellationToken cancellationToken) =>
        Write(FakeOperation.PatchStatus, () =>
        {
            var job = JobFeed.Get(namespaceName + "/" + name) ?? throw new ApiNotFoundException($"gpujobs \"{name}\" not found");
            // The adapter names every status field (null ones removed): the status is written whole.
            job.Status = status;
            return JobFeed.Put(job);
        });

    public Task FlagUnreadableJobAsync(UnreadableObject job, GpuJobCondition condition, CancellationToken cancellationToken) =>
        Write(FakeOperation.PatchStatus, () =>
        {
            ArgumentNullException.ThrowIfNull(job);
            UnreadableFlags.Enqueue((job.Key, condition));
            return true;
        });

    public Task EmitEventAsync(JobEvent jobEvent, CancellationToken cancellationToken) =>
        Write(FakeOperation.CreateEvent, () =>
        {
            Events.Enqueue(jobEvent);
            return true;
        });

    public ILock LeaseLock(string namespaceName, string name, string identity) => new FakeLeaseLock(_leases, identity);

    /// <summary>A pod the kubelet refused at admission: Failed, with no container status.</summary>
    public void RefusePod(string podKey, string reason, string message)
    {
        var pod = PodFeed.Get(podKey) ?? throw new InvalidOperationException($"no pod {podKey}");
        pod.Status = new V1PodStatus { Phase = "Failed", Reason = reason, Message = message };
        PodFeed.Put(pod);
    }

    /// <summary>A pod's phase (and container termination) as a kubelet would write it.</summary>
    public void SetPodPhase(string podKey, string phase, string? terminationMessage = null)
    {
        var pod = PodFeed.Get(podKey) ?? throw new InvalidOperationException($"no pod {podKey}");
        pod.Status ??= new V1PodStatus();
        pod.Status.Phase = phase;
        pod.Status.StartTime ??= DateTime.UtcNow.AddSeconds(-10);
        if (phase is "Succeeded" or "Failed")
        {
            pod.Status.ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = "main",
                    Image = "gpupool",
                    ImageID = string.Empty,
                    Ready = false,
                    RestartCount = 0,
                    State = new V1ContainerState
                    {
                        Terminated = new V1ContainerStateTerminated
                        {
                            ExitCode = phase == "Succeeded" ? 0 : 1,
                            StartedAt = pod.Status.StartTime,
                            FinishedAt = pod.Status.StartTime.Value.AddSeconds(10),
                            Message = terminationMessage,
                        },
                    },
                },
            ];
        }

        PodFeed.Put(pod);
    }

    private static bool Same<T>(IReadOnlyList<T> stored, IReadOnlyList<T> cached)
        where T : IKubernetesObject<V1ObjectMeta> =>
        stored.Select(i => (ResourceKey.Of(i), i.Metadata.ResourceVersion)).ToHashSet()
            .SetEquals(cached.Select(i => (ResourceKey.Of(i), i.Metadata.ResourceVersion)));

    private async Task<T> Write<T>(FakeOperation operation, Func<T> apply)
    {
        if (InterleaveWrites)
        {
            await Task.Yield();
        }

        FakeFault? fault = null;
        if (_faults.TryGetValue(operation, out var queue))
        {
            queue.TryDequeue(out fault);
        }

        if (fault is { CrashAfterWrite: false })
        {
            throw fault.ToException(operation.ToString());
        }

        T result;
        lock (_writeGate)
        {
            result = apply();
        }

        return fault is { CrashAfterWrite: true } ? throw new SimulatedCrashException($"crashed right after {operation}") : result;
    }
}
