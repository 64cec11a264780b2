using System.Globalization;
using GpuPool.Core.Kernels;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli.Profiles;

/// <summary>
/// Reads an Nsight Compute raw CSV export (`ncu --csv --page raw`): a header row of column and
/// metric names, a row of units, then one row per profiled launch. Each launch becomes a kernel of
/// one iteration, in launch order (a name seen again gets "#2", "#3": ids are unique in a profile).
/// Log lines ncu prints before the header (==PROF== ...) are skipped. A malformed cell is a
/// <see cref="DatasetFormatException"/> naming file, line, column and field.
/// </summary>
public static class NcuReport
{
    private const string IdColumn = "ID";
    private const string NameColumn = "Kernel Name";

    /// <summary>Longest kernel id a GpuProfile accepts (crds/: maxLength).</summary>
    public const int MaxIdLength = 253;

    public static IReadOnlyList<KernelProfile> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{file}: file not found ({path}).");
        }

        var lines = File.ReadAllLines(path);
        var headerIndex = Array.FindIndex(lines, l => l.StartsWith($"\"{IdColumn}\"", StringComparison.Ordinal) || l.StartsWith($"{IdColumn},", StringComparison.Ordinal));
        if (headerIndex < 0)
        {
            throw new DatasetFormatException($"{file}:1:1: no header row starting with \"{IdColumn}\": export the report with `ncu --csv --page raw`.");
        }

        var table = CsvTable.Parse(file, lines, headerIndex);
        var id = table.RequireColumn(IdColumn);
        var records = table.Records;
        var units = records.Count > 0 && records[0].Field(id).Trim().Length == 0 ? records[0] : null;
        var launches = units is null ? records : records.Skip(1).ToList();
        if (launches.Count == 0)
        {
            throw new DatasetFormatException($"{file}: no kernel rows after the header{(units is null ? string.Empty : " and units")} rows.");
        }

        var columns = new NcuColumns(table, units);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. launches.Select(row => Kernel(row, columns, seen))];
    }

    private static KernelProfile Kernel(CsvRecord row, NcuColumns columns, Dictionary<string, int> seen)
    {
        var name = row.Text(NameColumn);
        if (name.Length > MaxIdLength)
        {
            throw row.Error(NameColumn, $"the name has {name.Length} characters, more than the {MaxIdLength} a kernel id may have; export with `--print-kernel-base function`.");
        }

        var count = seen[name] = seen.GetValueOrDefault(name) + 1;
        var kernelId = count == 1 ? name : $"{name}#{count}";
        var seconds = columns.Scaled(row, NcuCounterMap.Duration, MetricUnits.ToSeconds, "a time (nsecond, usecond, msecond or second)", required: true)!.Value;
        if (!(seconds >= DatasetLimits.MinIsolatedSeconds && seconds <= DatasetLimits.MaxIsolatedSeconds))
        {
            throw row.Error(NcuCounterMap.Duration, string.Create(CultureInfo.InvariantCulture, $"{seconds:G6} s must be in [{DatasetLimits.MinIsolatedSeconds:G6}, {DatasetLimits.MaxIsolatedSeconds:G6}]."));
        }

        var sharedMemory = (columns.Scaled(row, NcuCounterMap.StaticSharedMemory, MetricUnits.ToBytes, "a size (byte, Kbyte, Mbyte)", required: false) ?? 0)
            + (columns.Scaled(row, NcuCounterMap.DynamicSharedMemory, MetricUnits.ToBytes, "a size (byte, Kbyte, Mbyte)", required: false) ?? 0);
        LaunchGeometry geometry;
        try
        {
            geometry = new LaunchGeometry(
                columns.Whole(row, NcuCounterMap.GridSize, required: true),
                columns.Whole(row, NcuCounterMap.BlockSize, required: true),
                columns.Whole(row, NcuCounterMap.Registers, required: false),
                (int)Math.Round(sharedMemory));
        }
        catch (ArgumentException e)
        {
            throw row.Error(e.ParamName == "gridBlocks" ? NcuCounterMap.GridSize : NcuCounterMap.BlockSize, e.Message.Split(" (Parameter")[0]);
        }

        return new KernelProfile(kernelId, geometry, seconds, columns.Counters(row));
    }
}
