using System.Text.RegularExpressions;
using GpuPool.Contracts;
using GpuPool.Operator.Scheduling;
using Microsoft.Extensions.Options;

namespace GpuPool.Operator.Hosting;

/// <summary>Every rule on <see cref="OperatorOptions"/>, each failure naming its configuration key.</summary>
public sealed partial class OperatorOptionsValidator : IValidateOptions<OperatorOptions>
{
    private const string P = OperatorOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Require(bool ok, string key, string rule, object? value)
        {
            if (!ok)
            {
                errors.Add($"{P}{key} {rule} (got '{value}')");
            }
        }

        Require(options.WindowSeconds is > 0 and <= 3600, "WindowSeconds", "must be in (0, 3600]", options.WindowSeconds);
        Require(options.Delta is >= 0 and < 1, "Delta", "must be in [0, 1)", options.Delta);
        Require(options.PruneTopK is >= 0 and <= 100_000, "PruneTopK", "must be in [0, 100000] (0: exact)", options.PruneTopK);
        Require(options.CandidatesPerSide is >= 0 and <= 100_000, "CandidatesPerSide", "must be in [0, 100000] (0: every pair)", options.CandidatesPerSide);
        Require(options.BatchLimit is >= 1 and <= 100_000, "BatchLimit", "must be in [1, 100000]", options.BatchLimit);
        Require(options.MaxRequeues is >= 0 and <= 100, "MaxRequeues", "must be in [0, 100]", options.MaxRequeues);
        Require(options.RequeueBackoffSeconds is >= 0 and <= 3600, "RequeueBackoffSeconds", "must be in [0, 3600]", options.RequeueBackoffSeconds);
        Require(options.RejectedHoldSeconds is >= 0 and <= 86400, "RejectedHoldSeconds", "must be in [0, 86400]", options.RejectedHoldSeconds);
        Require(options.InventoryMaxAgeSeconds is 0 or (>= 60 and <= 86400), "InventoryMaxAgeSeconds", "must be 0 (no bound) or in [60, 86400] (a kubelet reports its status every 5 minutes by default)", options.InventoryMaxAgeSeconds);
        Require(options.HttpPort is >= 1 and <= 65535, "HttpPort", "must be a TCP port (1..65535)", options.HttpPort);
        Require(IsDnsLabel(options.SchedulerName), "SchedulerName", "must be a DNS-1123 name", options.SchedulerName);
        Require(GpuResources.IsValidPrefix(options.ResourcePrefix), "ResourcePrefix", $"must be an extended resource name like {GpuResources.DefaultPrefix} that '-<index>' can follow", options.ResourcePrefix);
        for (var i = 0; i < options.Namespaces.Count; i++)
        {
            Require(IsDnsLabel(options.Namespaces[i]), $"Namespaces:{i}", "must be a namespace name", options.Namespaces[i]);
        }

        errors.AddRange(PlacementKeys.Problems(P, options.PlacementKey, options.PreviousPlacementKey));
        Require(options.ModelPath.Length == 0 || File.Exists(options.ModelPath), "ModelPath", "must name an existing model file or be empty", options.ModelPath);
        var retry = options.ApiRetry;
        Require(retry.MaxRetries is >= 1 and <= 20, "ApiRetry:MaxRetries", "must be in [1, 20]", retry.MaxRetries);
        Require(retry.BaseDelaySeconds is >= 0 and <= 60, "ApiRetry:BaseDelaySeconds", "must be in [0, 60]", retry.BaseDelaySeconds);
        Require(retry.AttemptTimeoutSeconds is > 0 and <= 300, "ApiRetry:AttemptTimeoutSeconds", "must be in (0, 300]", retry.AttemptTimeoutSeconds);
        Require(options.WriteParallelism is >= 1 and <= 256, "WriteParallelism", "must be in [1, 256]", options.WriteParallelism);
        Require(options.MaxJobSeries is >= 0 and <= 10_000, "MaxJobSeries", "must be in [0, 10000]", options.MaxJobSeries);
        var caches = options.Caches;
        Require(caches.MaxKernels is >= 16 and <= 16_384, "Caches:MaxKernels", "must be in [16, 16384]", caches.MaxKernels);
        Require(caches.MaxProfilePairs is >= 1 and <= 100_000_000, "Caches:MaxProfilePairs", "must be in [1, 100000000]", caches.MaxProfilePairs);
        Require(caches.ProfilePairIdleWindows is >= 1 and <= 1_000_000, "Caches:ProfilePairIdleWindows", "must be in [1, 1000000]", caches.ProfilePairIdleWindows);
        Require(caches.MaxPairDecisions is >= 1 and <= 100_000_000, "Caches:MaxPairDecisions", "must be in [1, 100000000]", caches.MaxPairDecisions);
        var lease = options.LeaderElection;
        Require(IsDnsLabel(lease.LeaseName), "LeaderElection:LeaseName", "must be a DNS-1123 name", lease.LeaseName);
        Require(IsDnsLabel(lease.LeaseNamespace), "LeaderElection:LeaseNamespace", "must be a namespace name", lease.LeaseNamespace);
        Require(lease.LeaseDurationSeconds is >= 3 and <= 600, "LeaderElection:LeaseDurationSeconds", "must be in [3, 600]", lease.LeaseDurationSeconds);
        Require(!string.IsNullOrWhiteSpace(lease.Identity), "LeaderElection:Identity", "must not be empty", lease.Identity);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsDnsLabel(string? value) => value is { Length: > 0 and <= 63 } && DnsLabel().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
