using GpuPool.Core.Datasets;
using GpuPool.Core.Gpus;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Simulation.Workloads;

/// <summary>
/// The default kernel set shipped inside this assembly: synthetic profiles made by
/// <see cref="SyntheticKernelGenerator"/> (seed <see cref="SyntheticKernelGenerator.DefaultSeed"/>),
/// no measured co-runs. The product needs nothing outside the assembly to simulate.
/// </summary>
public static class EmbeddedWorkload
{
    public const string ResourceName = "GpuPool.Simulation.Workloads.default-kernels.csv";

    public static ProfileDataset Dataset()
    {
        using var stream = typeof(EmbeddedWorkload).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');
        return new ProfileDataset(GpuModel.V100, GpuPoolDatasetReader.ReadProfiles(CsvTable.Parse("default-kernels.csv (embedded)", lines)), []);
    }
}
