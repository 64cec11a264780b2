using GpuPool.Core.Jobs;
using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Core.Prediction;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Policies;

/// <summary>Properties every policy keeps on random windows, whatever it decides.</summary>
public class PolicyInvariantTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var policy in new[] { PolicyNames.NoSharing, PolicyNames.Coarse, PolicyNames.Heuristic, PolicyNames.GpuPool, PolicyNames.GpuPoolWeighted, PolicyNames.TrueNpMatching })
        {
            for (var seed = 0; seed < 25; seed++)
            {
                data.Add(policy, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_pending_job_is_placed_or_waits_exactly_once_and_no_gpu_holds_more_than_two(string policyName, int seed)
    {
        var random = new Random(seed);
        var pending = Enumerable.Range(0, random.Next(0, 30)).Select(i => RandomJob($"p{i}", random)).ToList();
        var gpus = Enumerable.Range(0, random.Next(1, 12))
            .Select(i => random.NextDouble() < 0.3 ? Build.Busy("n", RandomJob($"r{i}", random), i, share: RunningShares[random.Next(RunningShares.Length)]) : Build.IdleGpu("n", i))
            .ToList();
        var predictor = new RandomPredictor(seed);
        var policy = Create(policyName, predictor);

        var plan = policy.Plan(new SchedulingBatch(pending, gpus));

        // 1. Each pending job appears exactly once, placed or waiting; nothing else appears.
        var decided = plan.Assignments.Select(a => a.Job).Concat(plan.Waiting).ToList();
        Assert.Equal(pending.Count, decided.Count);
        Assert.Equal(pending.ToHashSet(), decided.ToHashSet());

        // 2. No GPU ends with more than two jobs, and memory fits.
        foreach (var gpu in gpus)
        {
            var placed = plan.Assignments.Where(a => a.Gpu == gpu.Gpu.Id).Select(a => a.Job).ToList();
            var all = gpu.Running.Concat(placed).ToList();
            Assert.True(all.Count <= 2, $"{policyName} put {all.Count} jobs on {gpu.Gpu.Id}");
            Assert.True(all.Sum(j => j.GpuMemoryMiB) <= gpu.Gpu.Model.MemoryMiB, $"{policyName} overfilled memory on {gpu.Gpu.Id}");
            if (placed.Count > 0 && gpu.Running.Count == 1)
            {
                Assert.All(plan.Assignments.Where(a => a.Gpu == gpu.Gpu.Id), a => Assert.Equal(gpu.Running[0], a.Partner));
            }
        }

        // 3. A running job's share never changes: a newcomer gets exactly what it left, and none joins a job that left nothing.
        foreach (var gpu in gpus.Where(g => g.Running.Count == 1))
        {
            var joined = plan.Assignments.Where(a => a.Gpu == gpu.Gpu.Id).ToList();
            Assert.True(joined.Count == 0 || gpu.Resident!.HasRoom, $"{policyName} joined a job that holds the whole of {gpu.Gpu.Id}");
            Assert.All(joined, a => Assert.Equal(gpu.Resident!.NewcomerSetting, a.Setting));
        }

        // 4. Partners are mutual and share the GPU.
        var byJob = plan.Assignments.ToDictionary(a => a.Job);
        foreach (var a in plan.Assignments.Where(a => a.Partner is not null && byJob.ContainsKey(a.Partner)))
        {
            Assert.Equal(a.Job, byJob[a.Partner!].Partner);
            Assert.Equal(a.Gpu, byJob[a.Partner!].Gpu);
        }
    }

    private static ISharingPolicy Create(string name, IPairPredictor predictor)
    {
        var rule = new PairingRule(0.1, PairingRule.DefaultSettings);
        return name switch
        {
            PolicyNames.NoSharing => new NoSharingPolicy(),
            PolicyNames.Coarse => new CoarsePolicy(),
            PolicyNames.Heuristic => new HeuristicPolicy(),
            PolicyNames.GpuPool => MatchingPolicy.GpuPool(predictor, rule),
            PolicyNames.GpuPoolWeighted => MatchingPolicy.GpuPoolWeighted(predictor, rule),
            _ => MatchingPolicy.TrueNpMatching(predictor, PairingRule.DefaultSettings),
        };
    }

    private static readonly Sharing.SharingSetting[] RunningShares =
        [Sharing.SharingSetting.Exclusive, Sharing.SharingSetting.Split(0.25), Sharing.SharingSetting.Even, Sharing.SharingSetting.Split(0.75), Sharing.SharingSetting.Partition(0.5)];

    private static Job RandomJob(string id, Random random) =>
        Build.Job(id, qos: 0.5 + (0.1 * random.Next(0, 5)), memoryMiB: random.Next(1, 24) * 1024, priority: random.Next(0, 3), dramBandwidth: random.NextDouble());

    private sealed class RandomPredictor(int seed) : IPairPredictor
    {
        public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<Sharing.SharingSetting> settings) =>
            settings.Select(s =>
            {
                // Deterministic per (pair, setting) across runs: string.GetHashCode is randomised per process.
                var random = new Random(unchecked((seed * 7919) + StableHash(a.Id + "|" + b.Id) + (int)(s.ShareA * 1000)));
                return new PairOutcome(s, 0.4 + (0.6 * random.NextDouble()), 0.4 + (0.6 * random.NextDouble()));
            }).ToList();

        private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
    }
}
