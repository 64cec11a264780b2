using GpuPool.Operator.Hosting;
using Microsoft.Extensions.Configuration;

namespace GpuPool.Operator.Tests.Hosting;

/// <summary>Every invalid option fails start with a message naming its configuration key.</summary>
public sealed class OperatorOptionsValidatorTests
{
    public static TheoryData<string, string> Invalid => new()
    {
        { "WindowSeconds=0", "GpuPool:Operator:WindowSeconds" },
        { "Delta=1", "GpuPool:Operator:Delta" },
        { "BatchLimit=0", "GpuPool:Operator:BatchLimit" },
        { "PruneTopK=-1", "GpuPool:Operator:PruneTopK" },
        { "CandidatesPerSide=-2", "GpuPool:Operator:CandidatesPerSide" },
        { "MaxRequeues=101", "GpuPool:Operator:MaxRequeues" },
        { "RequeueBackoffSeconds=-1", "GpuPool:Operator:RequeueBackoffSeconds" },
        { "RejectedHoldSeconds=-1", "GpuPool:Operator:RejectedHoldSeconds" },
        { "RejectedHoldSeconds=90000", "GpuPool:Operator:RejectedHoldSeconds" },
        { "InventoryMaxAgeSeconds=30", "GpuPool:Operator:InventoryMaxAgeSeconds" },
        { "InventoryMaxAgeSeconds=-1", "GpuPool:Operator:InventoryMaxAgeSeconds" },
        { "InventoryMaxAgeSeconds=90000", "GpuPool:Operator:InventoryMaxAgeSeconds" },
        { "HttpPort=70000", "GpuPool:Operator:HttpPort" },
        { "SchedulerName=Bad_Name", "GpuPool:Operator:SchedulerName" },
        { "ResourcePrefix=gpu", "GpuPool:Operator:ResourcePrefix" },
        { "ResourcePrefix=gpupool.io/gpu-", "GpuPool:Operator:ResourcePrefix" },
        { "Namespaces=Team A", "GpuPool:Operator:Namespaces:0" },
        { "ModelPath=missing.zip", "GpuPool:Operator:ModelPath" },
        { "PlacementKey=too-short", "GpuPool:Operator:PlacementKey" },
        { "PlacementKey=", "GpuPool:Operator:PlacementKey" },
        { "PreviousPlacementKey=too-short", "GpuPool:Operator:PreviousPlacementKey" },
        { "PreviousPlacementKey=" + Key, "GpuPool:Operator:PreviousPlacementKey" },
        { "ApiRetry:MaxRetries=0", "GpuPool:Operator:ApiRetry:MaxRetries" },
        { "WriteParallelism=0", "GpuPool:Operator:WriteParallelism" },
        { "MaxJobSeries=-1", "GpuPool:Operator:MaxJobSeries" },
        { "MaxJobSeries=10001", "GpuPool:Operator:MaxJobSeries" },
        { "Caches:MaxKernels=8", "GpuPool:Operator:Caches:MaxKernels" },
        { "Caches:MaxProfilePairs=0", "GpuPool:Operator:Caches:MaxProfilePairs" },
        { "Caches:MaxPairDecisions=-1", "GpuPool:Operator:Caches:MaxPairDecisions" },
        { "Caches:ProfilePairIdleWindows=0", "GpuPool:Operator:Caches:ProfilePairIdleWindows" },
        { "LeaderElection:LeaseDurationSeconds=1", "GpuPool:Operator:LeaderElection:LeaseDurationSeconds" },
        { "LeaderElection:LeaseNamespace=", "GpuPool:Operator:LeaderElection:LeaseNamespace" },
    };

    private const string Key = "validator-test-placement-key-0123456789";

    [Fact]
    public void Defaults_with_a_placement_key_are_valid()
    {
        Assert.True(new OperatorOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Defaults_without_a_placement_key_fail_naming_it()
    {
        var failure = Assert.Single(new OperatorOptionsValidator().Validate(null, new OperatorOptions()).Failures!);

        Assert.StartsWith("GpuPool:Operator:PlacementKey is required", failure, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_value_fails_naming_its_key(string setting, string key)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(OperatorOptions.Section + ":" + setting.Split('=')[0].Replace(":0", string.Empty, StringComparison.Ordinal), setting.Split('=')[1])])
            .Build();
        var options = Valid();
        if (setting.StartsWith("Namespaces", StringComparison.Ordinal))
        {
            options.Namespaces.Add(setting.Split('=')[1]);
        }
        else
        {
            ConfigurationBinder.Bind(configuration.GetSection(OperatorOptions.Section), options);
        }

        var result = new OperatorOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key + " ", failure, StringComparison.Ordinal);
    }

    private static OperatorOptions Valid() => new() { PlacementKey = Key };
}
