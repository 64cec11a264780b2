using System.Globalization;
using GpuPool.Core.Kernels;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli.Profiles;

/// <summary>
/// Reads job-level utilisation samples in the CSV documented in docs/prediction.md: a header of
/// DCGM field names (DCGM_FI_PROF_SM_ACTIVE, DCGM_FI_PROF_DRAM_ACTIVE and DCGM_FI_DEV_FB_USED
/// required; DCGM_FI_PROF_PIPE_*_ACTIVE optional), one row per sample of the job running alone.
/// The job becomes one kernel whose counters are the samples' means (memory: the peak). Other
/// DCGM_FI_* columns are kept as counters under their names; columns of other names (timestamps,
/// GPU ids) are ignored.
/// </summary>
public static class DcgmSamples
{
    public const string SmActive = "DCGM_FI_PROF_SM_ACTIVE";
    public const string DramActive = "DCGM_FI_PROF_DRAM_ACTIVE";
    public const string FramebufferUsed = "DCGM_FI_DEV_FB_USED";
    private const string FieldPrefix = "DCGM_FI_";

    /// <summary>Ratio fields (0..1, as DCGM reports its profiling fields) and the counters their means fill.</summary>
    private static readonly (string Field, string[] Counters)[] Ratios =
    [
        (SmActive, [CounterNames.ComputeBusy]),
        (DramActive, [CounterNames.DramBandwidth, CounterNames.DramBusy]),
        ("DCGM_FI_PROF_PIPE_FP32_ACTIVE", [CounterNames.SpBusy]),
        ("DCGM_FI_PROF_PIPE_FP64_ACTIVE", [CounterNames.DpBusy]),
        ("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", [CounterNames.TensorBusy]),
    ];

    public static KernelProfile Read(string path, string id, JobShape shape)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(shape);
        var table = CsvTable.Load(path);
        table.RequireColumn(SmActive);
        table.RequireColumn(DramActive);
        table.RequireColumn(FramebufferUsed);
        if (table.Records.Count == 0)
        {
            throw new DatasetFormatException($"{table.File}: no sample rows after the header.");
        }

        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (field, names) in Ratios.Where(r => table.HasColumn(r.Field)))
        {
            var mean = MetricUnits.Tidy(table.Records.Average(r => r.NumberIn(field, 0, 1)));
            foreach (var name in names)
            {
                counters[name] = mean;
            }
        }

        counters[GpuPoolDatasetReader.MemoryMiBCounter] = table.Records.Max(r => r.NumberIn(FramebufferUsed, 0, DatasetLimits.MaxMemoryMiB));
        foreach (var field in table.Header.Where(h => h.StartsWith(FieldPrefix, StringComparison.Ordinal) && h != FramebufferUsed && Ratios.All(r => r.Field != h)))
        {
            counters[field] = MetricUnits.Tidy(table.Records.Average(r => r.NumberIn(field, -DatasetLimits.MaxCounter, DatasetLimits.MaxCounter)));
        }

        if (!(shape.StepSeconds >= DatasetLimits.MinIsolatedSeconds && shape.StepSeconds <= DatasetLimits.MaxIsolatedSeconds))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--step-seconds: {shape.StepSeconds} must be in [{DatasetLimits.MinIsolatedSeconds:G6}, {DatasetLimits.MaxIsolatedSeconds:G6}]."));
        }

        var geometry = new LaunchGeometry(shape.GridBlocks, shape.ThreadsPerBlock, shape.RegistersPerThread, shape.SharedMemoryPerBlockBytes);
        return new KernelProfile(id, geometry, shape.StepSeconds, counters);
    }
}
