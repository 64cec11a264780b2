using GpuPool.Core.Datasets;

namespace GpuPool.Simulation.Datasets;

/// <summary>Reads a data set directory in whichever supported layout it holds.</summary>
public static class DatasetLoader
{
    public static ProfileDataset Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DatasetFormatException($"{directory}: data set directory not found.");
        }

        return ArtifactDatasetReader.Recognises(directory) ? ArtifactDatasetReader.Read(directory) : GpuPoolDatasetReader.Read(directory);
    }
}
