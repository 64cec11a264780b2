using GpuPool.Contracts;

namespace GpuPool.Operator.Hosting;

/// <summary>Configuration section GpuPool:Operator (environment GpuPool__Operator__X); validated at start.</summary>
public sealed class OperatorOptions
{
    public const string Section = "GpuPool:Operator";

    /// <summary>Seconds between scheduling windows.</summary>
    public double WindowSeconds { get; set; } = 30;

    /// <summary>Safety margin on predicted NP: a pair needs NP > QoS x (1 + Delta) for both jobs.</summary>
    public double Delta { get; set; } = 0.1;

    /// <summary>
    /// Keep only this many candidate partners per job in the pairing graph (its best half by
    /// predicted pair STP and a spread half); 0 keeps every admissible pair (exact).
    /// </summary>
    public int PruneTopK { get; set; }

    /// <summary>
    /// Consider each job only with 2 x this many sampled partners, so a window predicts about
    /// jobs x this many pairs instead of every pair; 0 considers every pair.
    /// </summary>
    public int CandidatesPerSide { get; set; }

    /// <summary>Most pending jobs one window plans; reaching it starts a window early.</summary>
    public int BatchLimit { get; set; } = 1000;

    /// <summary>Namespaces to watch; empty means all.</summary>
    public IList<string> Namespaces { get; } = [];

    public string SchedulerName { get; set; } = "gpupool";

    /// <summary>Trained pair model (.zip); empty means the embedded default.</summary>
    public string ModelPath { get; set; } = string.Empty;

    /// <summary>GPU i of a node is the extended resource "&lt;prefix&gt;-i"; must equal the device plugin's ResourcePrefix.</summary>
    public string ResourcePrefix { get; set; } = GpuResources.DefaultPrefix;

    public int HttpPort { get; set; } = 8080;

    /// <summary>File that finished jobs' predicted and measured NP are appended to (JSON lines); empty disables it.</summary>
    public string ObservationsPath { get; set; } = string.Empty;

    /// <summary>
    /// Times a job is queued again after a node refused its pod before it ran (kubelet admission);
    /// one more refusal ends the job Failed with the node's reason.
    /// </summary>
    public int MaxRequeues { get; set; } = 3;

    /// <summary>Seconds a requeued job waits before it is planned again, doubled with each requeue.</summary>
    public double RequeueBackoffSeconds { get; set; } = 10;

    /// <summary>
    /// Seconds a job whose pod create or bind the API server refused (400, 403, 422) waits before it
    /// is planned again; a new generation of the job (an edit) is planned at once. The same write is
    /// refused again until the job or its namespace's policy changes, so retrying it every window
    /// would only repeat the refusal.
    /// </summary>
    public double RejectedHoldSeconds { get; set; } = 600;

    /// <summary>
    /// Seconds since a node's kubelet last reported its status (the Ready condition's
    /// lastHeartbeatTime; the GPU resources the device plugin registered are part of that status)
    /// after which its GPU inventory counts as stale and its GPUs are not offered; 0 turns the
    /// bound off. A kubelet reports at least every 5 minutes (nodeStatusReportFrequency) while it runs.
    /// </summary>
    public double InventoryMaxAgeSeconds { get; set; } = 600;

    /// <summary>
    /// Secret key (at least 32 characters) of the seal on every pod the operator writes; only pods
    /// whose seal verifies are believed about placements, and the device plugin serves no other
    /// pod. Required: the chart keeps it in a Secret shared with the device plugin.
    /// </summary>
    public string PlacementKey { get; set; } = string.Empty;

    /// <summary>
    /// The key before a rotation: seals written with it still verify (nothing new is sealed with
    /// it), so pods placed before the rotation keep their placements. Empty when not rotating.
    /// </summary>
    public string PreviousPlacementKey { get; set; } = string.Empty;

    /// <summary>
    /// Placements written at once after a window's plan (create, bind, status, Event each): the plan
    /// is decided and pod names are deterministic, so the order of writes does not matter.
    /// </summary>
    public int WriteParallelism { get; set; } = 16;

    /// <summary>
    /// Jobs with per-job series (gpupool_job_np, gpupool_job_placement), newest first: bounds what
    /// a long history costs Prometheus; 0 turns them off.
    /// </summary>
    public int MaxJobSeries { get; set; } = 500;

    public ApiRetryOptions ApiRetry { get; set; } = new();

    public CacheOptions Caches { get; set; } = new();

    public LeaderElectionOptions LeaderElection { get; set; } = new();
}
