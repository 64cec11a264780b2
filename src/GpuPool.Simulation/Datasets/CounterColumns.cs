namespace GpuPool.Simulation.Datasets;

/// <summary>
/// The counter columns of a table: every column not reserved for identity or geometry whose first
/// row is written as a number (NaN and Infinity included, so a bad first value is an error, not a
/// dropped column). Text columns (versions, config strings) are skipped; a counter that is not a
/// finite number within <see cref="DatasetLimits.MaxCounter"/> is an error, never a silent gap.
/// </summary>
public sealed class CounterColumns
{
    private readonly List<int> _indices;
    private readonly CsvTable _table;

    public CounterColumns(CsvTable table, IReadOnlySet<string> reserved)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(reserved);
        _table = table;
        var first = table.Records.Count > 0 ? table.Records[0] : null;
        _indices = first is null
            ? []
            : Enumerable.Range(0, table.Header.Count)
                .Where(i => !reserved.Contains(table.Header[i]) && first.IsNumeric(i))
                .ToList();
    }

    public IReadOnlyDictionary<string, double> Read(CsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var counters = new Dictionary<string, double>(_indices.Count, StringComparer.Ordinal);
        foreach (var index in _indices)
        {
            if (!record.TryNumber(index, out var value))
            {
                throw record.Error(index, $"counter value '{record.Shown(index)}' is not a finite number.");
            }

            counters[_table.Header[index]] = Math.Abs(value) <= DatasetLimits.MaxCounter
                ? value
                : throw record.Error(index, $"counter value {value} is beyond the accepted magnitude {DatasetLimits.MaxCounter:0e0}.");
        }

        return counters;
    }
}
