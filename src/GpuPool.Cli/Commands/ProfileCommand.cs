using System.CommandLine;
using GpuPool.Cli.Profiles;
using GpuPool.Core.Kernels;
using GpuPool.Simulation.Datasets;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool profile import`: a GpuProfile (and optionally a data set) from a profiler's export.</summary>
internal static class ProfileCommand
{
    public static Command Create()
    {
        var ncu = new Option<string?>("--ncu") { Description = "Nsight Compute raw CSV export (ncu --csv --page raw): one kernel per profiled launch" };
        var dcgm = new Option<string?>("--dcgm") { Description = "CSV of DCGM samples of the job running alone (docs/prediction.md): one job-level kernel" };
        var name = new Option<string?>("--name") { Description = "metadata.name of the GpuProfile (default: from the file name)" };
        var output = new Option<string?>("--out") { Description = "GpuProfile YAML file to write (default: stdout)" }.WritableFile();
        var datasetOut = new Option<string?>("--dataset-out") { Description = "Also write the kernels as a GpuPool-layout data set (profiles.csv, empty pairs.csv) into this directory" };
        var step = new Option<double?>("--step-seconds") { Description = "--dcgm: one step of the job alone on a whole GPU, in seconds (1 / isolated throughput)" };
        var grid = new Option<int>("--grid-blocks") { Description = "--dcgm: thread blocks of the job's dominant kernel", DefaultValueFactory = _ => 1024 }.InRange(1, int.MaxValue);
        var threads = new Option<int>("--threads-per-block") { Description = "--dcgm: threads per block of its dominant kernel", DefaultValueFactory = _ => 256 }.InRange(1, 1024);
        var import = new Command("import", "Turn a profiler's export into a GpuProfile manifest.") { ncu, dcgm, name, output, datasetOut, step, grid, threads };
        import.SetAction(parsed =>
        {
            var (ncuPath, dcgmPath) = (parsed.GetValue(ncu), parsed.GetValue(dcgm));
            if ((ncuPath is null) == (dcgmPath is null))
            {
                throw new ArgumentException("profile import: give exactly one of --ncu and --dcgm.");
            }

            var source = (ncuPath ?? dcgmPath)!;
            var profileName = parsed.GetValue(name) ?? GpuProfileYaml.NameFrom(source);
            if (!GpuProfileYaml.IsValidName(profileName))
            {
                throw new ArgumentException($"--name: '{profileName}' is not a valid metadata.name (lowercase letters, digits, '-' and '.').");
            }

            IReadOnlyList<KernelProfile> kernels;
            if (ncuPath is not null)
            {
                kernels = NcuReport.Read(ncuPath);
            }
            else
            {
                var seconds = parsed.GetValue(step) ?? throw new ArgumentException("--step-seconds: required with --dcgm (the job's step time alone; the samples carry no throughput).");
                kernels = [DcgmSamples.Read(dcgmPath!, profileName, new JobShape(seconds, parsed.GetValue(grid), parsed.GetValue(threads)))];
            }

            var yaml = GpuProfileYaml.Write(profileName, kernels, $"{Path.GetFileName(source)} ({(ncuPath is null ? "DCGM samples" : "Nsight Compute")})");
            var (stdout, stderr) = (parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
            if (parsed.GetValue(output) is { } path)
            {
                File.WriteAllText(path, yaml);
                stderr.WriteLine($"{kernels.Count} kernel(s) -> GpuProfile {profileName} in {path}");
            }
            else
            {
                stdout.Write(yaml);
            }

            if (parsed.GetValue(datasetOut) is { } directory)
            {
                WriteDataset(directory, kernels);
                stderr.WriteLine($"data set -> {directory} (profiles.csv, pairs.csv without rows)");
            }

            return ExitCodes.Success;
        });
        return new Command("profile", "Kernel profiles from real tools.") { import };
    }

    /// <summary>The GpuPool layout of docs/dataset-format.md; the loader reads it back to check it.</summary>
    private static void WriteDataset(string directory, IReadOnlyList<KernelProfile> kernels)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "profiles.csv"), SyntheticKernelGenerator.ToCsv(kernels));
        File.WriteAllText(Path.Combine(directory, "pairs.csv"), "a,b,quota_a,quota_b,np_a,np_b\n");
        DatasetLoader.Load(directory);
    }
}
