namespace GpuPool.Simulation.Datasets;

/// <summary>
/// The counter columns of a table: every column not reserved for identity or geometry whose first
/// row holds a number. Text columns (versions, config strings) are skipped; a counter column with a
/// non-number further down is an error, never a silent gap.
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
                .Where(i => !reserved.Contains(table.Header[i]) && first.TryNumber(i, out _))
                .ToList();
    }

    public IReadOnlyDictionary<string, double> Read(CsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var counters = new Dictionary<string, double>(_indices.Count, StringComparer.Ordinal);
        foreach (var index in _indices)
        {
            counters[_table.Header[index]] = record.TryNumber(index, out var value)
                ? value
                : throw record.Error(index, "counter value is not a finite number.");
        }

        return counters;
    }
}
