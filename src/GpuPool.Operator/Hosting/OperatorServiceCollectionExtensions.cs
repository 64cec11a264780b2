using GpuPool.Core.Caching;
using GpuPool.Core.Gpus;
using GpuPool.Core.Pairing;
using GpuPool.Core.Policies;
using GpuPool.Core.Prediction;
using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Observations;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Watching;
using GpuPool.Prediction.JobWise;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Pairing;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace GpuPool.Operator.Hosting;

/// <summary>Composition of the operator host.</summary>
public static class OperatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything. The pair predictor is the trained kernel-wise model (ModelPath, or the
    /// embedded default model) behind the job-wise steady-state predictor; a test or another host
    /// may register its own <see cref="IPairPredictor"/> before this call.
    /// </summary>
    public static IServiceCollection AddGpuPoolOperator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperatorOptions>().Bind(configuration.GetSection(OperatorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new OperatorMetrics(Metrics.NewCustomRegistry()));
        services.AddSingleton<ClusterCache>();
        services.TryAddSingleton<IKubernetes>(_ => new k8s.Kubernetes(ClusterConfiguration.Load()));
        services.TryAddSingleton<IClusterPort, KubernetesClusterPort>();
        services.AddSingleton<IObservationSink>(sp => new JsonLinesObservationSink(sp.GetRequiredService<IOptions<OperatorOptions>>().Value.ObservationsPath));
        services.TryAddSingleton(sp => ModelLoading.Load(
            sp.GetRequiredService<IOptions<OperatorOptions>>().Value.ModelPath,
            sp.GetRequiredService<OperatorMetrics>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ModelLoading).FullName!)));

        // Thread-block quotas are derived on the GPU model the predictor was trained for.
        services.TryAddSingleton<IPairPredictor>(sp => new ModelPairPredictor(
            sp.GetRequiredService<KernelNpModel>(), GpuModel.V100, new SteadyStateOptions(), Caches(sp).MaxKernels));

        // Windows are incremental: pair decisions are kept by job id across windows (one cache for
        // this one predictor and rule), so only pairs with a new or changed job are predicted.
        services.AddSingleton(sp => new CachingPairPredictor(sp.GetRequiredService<IPairPredictor>(), Caches(sp).MaxProfilePairs, Caches(sp).ProfilePairIdleWindows));
        services.AddSingleton(sp => new PairDecisionCache(Caches(sp).MaxPairDecisions));
        services.AddSingleton<ISharingPolicy>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OperatorOptions>>().Value;
            return MatchingPolicy.GpuPool(
                sp.GetRequiredService<CachingPairPredictor>(),
                new PairingRule(options.Delta, PairingRule.DefaultSettings),
                new PairingOptions
                {
                    PruneTopK = options.PruneTopK > 0 ? options.PruneTopK : null,
                    CandidatesPerSide = options.CandidatesPerSide > 0 ? options.CandidatesPerSide : null,
                },
                sp.GetRequiredService<PairDecisionCache>());
        });
        services.AddSingleton(sp => new Scheduler(
            sp.GetRequiredService<IClusterPort>(),
            sp.GetRequiredService<ClusterCache>(),
            sp.GetRequiredService<ISharingPolicy>(),
            sp.GetRequiredService<IObservationSink>(),
            sp.GetRequiredService<OperatorMetrics>(),
            sp.GetRequiredService<IOptions<OperatorOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            predictionCaches: PredictionCaches(sp)));
        services.AddSingleton<ILoopHeartbeat>(sp => sp.GetRequiredService<Scheduler>().Loop);
        services.AddHostedService<OperatorService>();
        services.AddHealthChecks()
            .AddCheck<CacheSyncedHealthCheck>("cache-synced", tags: [CacheSyncedHealthCheck.Tag])
            .AddCheck<LoopAliveHealthCheck>("loop-alive", tags: [LoopAliveHealthCheck.Tag]);
        return services;
    }

    private static CacheOptions Caches(IServiceProvider services) => services.GetRequiredService<IOptions<OperatorOptions>>().Value.Caches;

    /// <summary>The policy's caches, and the predictor's own when it keeps one (a registered test predictor may not).</summary>
    private static IReadOnlyList<IBoundedCache> PredictionCaches(IServiceProvider services) =>
    [
        services.GetRequiredService<CachingPairPredictor>(),
        services.GetRequiredService<PairDecisionCache>(),
        .. services.GetRequiredService<IPairPredictor>() is IBoundedCache own ? [own] : Array.Empty<IBoundedCache>(),
    ];

    /// <summary>/metrics, /healthz (the leader's scheduling loop comes round) and /readyz (the caches are synced).</summary>
    public static IEndpointRouteBuilder MapGpuPoolOperatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMetrics("/metrics", endpoints.ServiceProvider.GetRequiredService<OperatorMetrics>().Registry);
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LoopAliveHealthCheck.Tag) });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(CacheSyncedHealthCheck.Tag) });
        return endpoints;
    }
}
