using GpuPool.Cli.Tests.Support;
using GpuPool.Simulation.Tests;

namespace GpuPool.Cli.Tests.Fuzz;

/// <summary>
/// A seeded, fixed-size fuzz of everything the CLI reads: real data sets (the artifact extract and
/// GpuPool's own layout) through the loader, the calibrator and a small simulation, the embedded
/// model through the model loader, job-level data sets through `evaluate`, and option values. Each input must end in success or a clear
/// exit 2 (every stderr line "error: ...", short), never an exception or a run without end.
/// </summary>
public sealed class InputFuzzTests : IDisposable
{
    private const int Seed = 19;

    // A guard against a run that never ends, not a speed target: a case takes well under a second.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

    private readonly TempFiles _files = new();

    private readonly SyntheticDataset _small = new(kernels: 4);

    public static TheoryData<string, int> Targets => new()
    {
        // target, cases (420 in all)
        { "artifact data set", 80 },
        { "GpuPool data set", 70 },
        { "job-level data set", 120 },
        { "model file", 50 },
        { "option values", 100 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_fuzzed_input_ends_in_success_or_a_clear_exit_2(string target, int cases)
    {
        var mutator = new Mutator(Seed + target.Length);
        var failures = new List<string>();
        for (var i = 0; i < cases; i++)
        {
            var (args, what) = Case(target, i, mutator);
            var outcome = Outcome(args);
            if (outcome is not null)
            {
                failures.Add($"#{i} {what}: {outcome}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} {target} cases failed:\n{string.Join('\n', failures)}");
    }

    public void Dispose()
    {
        _files.Dispose();
        _small.Dispose();
    }

    /// <summary>Null when the run ended in 0, or in 2 with a clear message; else what went wrong.</summary>
    private static string? Outcome(string[] args)
    {
        var run = Task.Run(() => CliRun.Invoke(args));
        try
        {
            if (!run.Wait(HangGuard))
            {
                return $"still running after {HangGuard.TotalSeconds} s";
            }
        }
        catch (AggregateException e)
        {
            return $"unhandled {e.InnerException!.GetType().Name}: {e.InnerException.Message[..Math.Min(300, e.InnerException.Message.Length)]}";
        }

        var (code, _, error) = run.Result;
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return code switch
        {
            0 => null,
            2 when lines.Length > 0 && lines.All(l => l.StartsWith("error: ", StringComparison.Ordinal)) && error.Length <= 2000 => null,
            2 => $"exit 2 with an unclear message ({error.Length} chars): {error[..Math.Min(300, error.Length)]}",
            _ => $"exit {code}: {error[..Math.Min(300, error.Length)]}",
        };
    }

    private (string[] Args, string What) Case(string target, int i, Mutator mutator) => target switch
    {
        "artifact data set" => DatasetCase(SharedData.Artifact, ["kernels.csv", "kernel_alone_quota.csv", "pairs.csv"], i, mutator,
            ["simulate", "--jobs", "3", "--gpus", "2", "--policy", "NoSharing"]),
        "GpuPool data set" => GpuPoolDatasetCase(i, mutator),
        "job-level data set" => JobLevelCase(i, mutator),
        "model file" => ModelCase(i, mutator),
        _ => OptionCase(mutator),
    };

    private (string[] Args, string What) DatasetCase(string source, string[] files, int i, Mutator mutator, string[] command)
    {
        var directory = _files.Path($"data-{i}");
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(source, "*.csv"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
        }

        var victim = mutator.Pick(files);
        var (bytes, what) = mutator.Mutate(File.ReadAllBytes(Path.Combine(directory, victim)));
        File.WriteAllBytes(Path.Combine(directory, victim), bytes);
        return ([.. command, "--dataset", directory], $"{string.Join(' ', command)} with {victim}: {what}");
    }

    private (string[] Args, string What) GpuPoolDatasetCase(int i, Mutator mutator)
    {
        using var data = new SyntheticDataset(kernels: 4, seed: i);
        string[] command = i % 2 == 0 ? ["calibrate", "--folds", "2"] : ["simulate", "--jobs", "3", "--gpus", "2", "--policy", "NoSharing"];
        return DatasetCase(data.Directory, ["profiles.csv", "pairs.csv"], i, mutator, command);
    }

    private (string[] Args, string What) JobLevelCase(int i, Mutator mutator)
    {
        // Six counters or throughput alone, 5 jobs (10 co-runs); every learner, a few trees, so a case stays short.
        using var data = new JobLevelFiles(i % 2 == 0 ? Prediction.Tests.Support.JobLevelData.Six(5, seed: i) : Prediction.Tests.Support.JobLevelData.Throughput(5, seed: i));
        string[] command = ["evaluate", "--learners", "fasttree,fastforest,lightgbm,sdca", "--trees", "10", "--format", "json", "--split", mutator.Pick(["kfold", "pair-grouped", "leave-one-kernel-out"])];
        return DatasetCase(data.Directory, ["profiles.csv", "pairs.csv"], i, mutator, command);
    }

    private (string[] Args, string What) ModelCase(int i, Mutator mutator)
    {
        using var resource = typeof(Prediction.DefaultModel.DefaultModel).Assembly.GetManifestResourceStream("GpuPool.Prediction.DefaultModel.default-model.zip")!;
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        var bytes = copy.ToArray();
        string what;
        if (mutator.Next(2) == 0)
        {
            var at = mutator.Next(bytes.Length);
            bytes[at] ^= (byte)(1 + mutator.Next(255));
            what = $"byte {at} flipped";
        }
        else
        {
            var cut = mutator.Next(bytes.Length);
            bytes = bytes[..cut];
            what = $"truncated at {cut}";
        }

        var path = _files.Path($"model-{i}.zip");
        File.WriteAllBytes(path, bytes);
        return (["simulate", "--model", path, "--jobs", "3", "--gpus", "2", "--policy", "GpuPool"], $"model {what}");
    }

    private (string[] Args, string What) OptionCase(Mutator mutator)
    {
        // The bench commands are left out: they write their errors to the process's stderr, which
        // an in-process run does not capture.
        (string[] Base, string[] Options)[] commands =
        [
            (["simulate", "--jobs", "3", "--gpus", "2", "--policy", "NoSharing"], ["--jobs", "--gpus", "--window", "--load", "--delta", "--seed", "--seeds", "--format"]),
            (["calibrate", "--folds", "2", "--dataset", _small.Directory], ["--folds", "--dataset"]),
        ];
        var (command, options) = mutator.Pick(commands);
        var option = mutator.Pick(options);
        var value = mutator.Next(10) == 0 ? new string('7', 1_000_000) : mutator.Pick(Mutator.HostileNumbers);
        var args = command.Contains(option) ? command.Select((a, k) => k > 0 && command[k - 1] == option ? value : a).ToArray() : [.. command, option, value];
        return (args, $"{string.Join(' ', command)} {option} {(value.Length > 20 ? $"<{value.Length} chars>" : $"'{value}'")}");
    }
}
