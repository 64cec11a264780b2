using System.Text.Json;
using GpuPool.Cli.Commands;
using GpuPool.Cli.Tests.Support;

namespace GpuPool.Cli.Tests.Commands;

/// <summary>`simulate --manifests`: the batch a user applies with kubectl, as the operator would read it.</summary>
public sealed class ManifestWorkloadTests
{
    private const string Profile = """
        apiVersion: gpupool.io/v1alpha1
        kind: GpuProfile
        metadata: {name: p, namespace: team-a}
        spec:
          kernels:
            - {id: k, gridBlocks: 80, threadsPerBlock: 256, registersPerThread: 32, sharedMemoryPerBlockBytes: 0, isolatedSeconds: 0.01, counters: {ipc: 1000}}
        """;

    private static string Job(string name, string ns = "team-a", string profile = "p", int iterations = 100) => $$$"""
        apiVersion: gpupool.io/v1alpha1
        kind: GpuJob
        metadata: {name: {{{name}}}, namespace: {{{ns}}}}
        spec:
          profileRef: {{{profile}}}
          qosTarget: 0.5
          iterations: {{{iterations}}}
          gpuMemoryMiB: 1024
          template: {spec: {containers: [{name: w, image: x}]}}
        """;

    public static TheoryData<string, string> BadManifests => new()
    {
        { "{ not yaml", "document 2: not a readable GpuJob manifest" },
        { Job("a") + "\n---\n" + Job("a"), "team-a/a is defined 2 times" },
        { Job("a", profile: "elsewhere"), "every GpuJob names a GpuProfile that is in none of the files (team-a/a)" },
        { Job("a", iterations: 0), "GpuJob team-a/a: spec:" },
        { Profile, "no GpuJob in" },
        { Job(string.Empty), "has no metadata.name" },
    };

    [Theory]
    [MemberData(nameof(BadManifests))]
    public void A_bad_manifest_is_refused_naming_what_is_wrong(string manifest, string expected)
    {
        using var files = new TempFiles();
        var path = files.Path("jobs.yaml");
        File.WriteAllText(path, Profile + "\n---\n" + manifest);

        var e = Assert.Throws<UsageException>(() => ManifestWorkload.Load([path]));

        Assert.StartsWith("--manifests: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<UsageException>(() => ManifestWorkload.Load(["no-such-manifest.yaml"]));
        Assert.Contains("no-such-manifest.yaml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profiles_resolve_in_the_jobs_namespace_and_a_job_without_its_profile_waits()
    {
        using var files = new TempFiles();
        var path = files.Path("jobs.yaml");
        File.WriteAllText(path, string.Join("\n---\n", Profile, Job("a"), Job("b", ns: "team-b"), Job("c", iterations: 300)));

        var workload = ManifestWorkload.Load([path]);

        Assert.Equal(["team-a/a", "team-a/c"], workload.Arrivals.Select(a => a.Job.Id));
        Assert.Equal(["team-b/b"], workload.Waiting);
        Assert.All(workload.Arrivals, a => Assert.Equal(0, a.ArrivalSeconds));
        Assert.Equal(3 * workload.Arrivals[0].Job.IsolatedSeconds, workload.Arrivals[1].Job.IsolatedSeconds, 9);
    }

    [Fact]
    public void The_repository_batch_runs_through_every_policy_with_the_unprofiled_sample_left_out()
    {
        string[] samples = ["profiles.yaml", "batch.yaml", "compatible-pair.yaml", "incompatible-pair.yaml", "missing-profile.yaml"];
        var (code, output, error) = CliRun.Invoke(["simulate", "--manifests", .. samples.Select(s => Path.Combine(AppContext.BaseDirectory, "samples", s)), "--gpus", "16", "--window", "50", "--format", "json"]);

        Assert.Equal(0, code);
        Assert.Contains("default/unprofiled", error, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(output);
        var gpuPool = doc.RootElement.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "GpuPool");
        var noSharing = doc.RootElement.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "NoSharing");
        Assert.Equal(0, noSharing.GetProperty("sharedJobs").GetInt32());
        Assert.InRange(gpuPool.GetProperty("sharedJobs").GetInt32(), 2, 48);
        Assert.Equal(16, gpuPool.GetProperty("gpusUsed").GetInt32());
    }

    [Theory]
    [InlineData("--dataset")]
    [InlineData("--seeds")]
    [InlineData("--paper")]
    public void Manifests_refuse_options_that_draw_another_workload(string option)
    {
        string[] extra = option switch { "--dataset" => [option, "."], "--seeds" => [option, "2"], _ => [option] };
        var (code, _, error) = CliRun.Invoke(["simulate", "--manifests", Path.Combine(AppContext.BaseDirectory, "samples", "batch.yaml"), .. extra]);

        Assert.Equal(2, code);
        Assert.Contains("--manifests cannot be combined", error, StringComparison.Ordinal);
    }
}
