using System.Globalization;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli.Profiles;

/// <summary>The report's columns: which metric fills each counter, the units row, and the extra metrics kept as they are.</summary>
internal sealed class NcuColumns
{
    private readonly CsvTable _table;
    private readonly CsvRecord? _units;
    private readonly List<(NcuCounter Counter, int Index)> _mapped = [];
    private readonly List<int> _extra = [];

    public NcuColumns(CsvTable table, CsvRecord? units)
    {
        _table = table;
        _units = units;
        var used = new HashSet<string>(StringComparer.Ordinal)
        {
            NcuCounterMap.GridSize, NcuCounterMap.BlockSize, NcuCounterMap.Registers, NcuCounterMap.StaticSharedMemory,
            NcuCounterMap.DynamicSharedMemory, NcuCounterMap.Duration,
        };
        foreach (var counter in NcuCounterMap.Counters)
        {
            var metric = counter.Metrics.FirstOrDefault(table.HasColumn);
            if (metric is not null)
            {
                _mapped.Add((counter, table.RequireColumn(metric)));
                used.Add(metric);
            }
        }

        for (var i = 0; i < table.Header.Count; i++)
        {
            if (!used.Contains(table.Header[i]) && !NcuCounterMap.IdentityColumns.Contains(table.Header[i]))
            {
                _extra.Add(i);
            }
        }
    }

    public Dictionary<string, double> Counters(CsvRecord row)
    {
        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (counter, index) in _mapped)
        {
            if (Value(row, index) is not { } value)
            {
                continue;
            }

            var factor = counter.ByteRate ? UnitFactor(index, MetricUnits.ToBytesPerSecond, "a byte rate (byte/second, Gbyte/second)") : 1;
            counters[counter.Counter] = counter.From(value * factor);
        }

        foreach (var index in _extra)
        {
            // Extra metrics are kept when they are numbers; ncu writes text for some (launch tuples, names).
            if (TryNumber(row.Field(index), out var value) && Math.Abs(value) <= DatasetLimits.MaxCounter)
            {
                counters[_table.Header[index]] = value;
            }
        }

        return counters;
    }

    public int Whole(CsvRecord row, string column, bool required)
    {
        if (!_table.HasColumn(column) && !required)
        {
            return 0;
        }

        var index = _table.RequireColumn(column);
        var value = Value(row, index) ?? (required ? throw row.Error(index, "must not be empty.") : 0);
        return value >= 0 && value <= int.MaxValue && value == Math.Floor(value)
            ? (int)value
            : throw row.Error(index, $"'{row.Shown(index)}' is not a whole number >= 0.");
    }

    public double? Scaled(CsvRecord row, string column, Func<string, double?> toBase, string expected, bool required)
    {
        if (!_table.HasColumn(column) && !required)
        {
            return null;
        }

        var index = _table.RequireColumn(column);
        var value = Value(row, index);
        if (value is null)
        {
            return required ? throw row.Error(index, "must not be empty.") : null;
        }

        return MetricUnits.Tidy(value.Value * UnitFactor(index, toBase, expected));
    }

    private double UnitFactor(int index, Func<string, double?> toBase, string expected)
    {
        if (_units is null)
        {
            throw new DatasetFormatException(_table.File, _table.HeaderLine + 1, index + 1, _table.Header[index], $"no units row: the report needs the row of units ncu writes under the header to read {expected}.");
        }

        var unit = _units.Field(index);
        return toBase(unit) ?? throw _units.Error(index, $"unit '{_units.Shown(index)}' is not {expected}.");
    }

    /// <summary>A metric cell: null when empty or "n/a" (not collected), else a finite number (ncu may group thousands with commas).</summary>
    private static double? Value(CsvRecord row, int index)
    {
        var text = row.Field(index).Trim();
        if (text.Length == 0 || text == "n/a")
        {
            return null;
        }

        return TryNumber(text, out var value) ? value : throw row.Error(index, $"'{row.Shown(index)}' is not a finite number.");
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
