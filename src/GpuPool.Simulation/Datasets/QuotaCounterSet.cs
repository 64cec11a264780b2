namespace GpuPool.Simulation.Datasets;

/// <summary>The counters of one kernel measured alone under each thread-block quota it was run at.</summary>
public sealed class QuotaCounterSet
{
    private readonly Dictionary<int, IReadOnlyDictionary<string, double>> _byQuota = [];

    private QuotaCounterSet(CsvRecord firstRecord) => FirstRecord = firstRecord;

    /// <summary>Where this kernel first appears, for errors about the kernel as a whole.</summary>
    public CsvRecord FirstRecord { get; }

    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> ByQuota => _byQuota;

    /// <summary>Groups a quota table by kernel id; a (kernel, quota) twice is an error.</summary>
    public static Dictionary<string, QuotaCounterSet> Read(CsvTable table, string idColumn, string quotaColumn)
    {
        ArgumentNullException.ThrowIfNull(table);
        var counters = new CounterColumns(table, new HashSet<string>(StringComparer.Ordinal) { idColumn, quotaColumn });
        var sets = new Dictionary<string, QuotaCounterSet>(StringComparer.Ordinal);
        foreach (var record in table.Records)
        {
            var id = record.Text(idColumn);
            var quota = record.WholeNumber(quotaColumn, 1);
            if (!sets.TryGetValue(id, out var set))
            {
                set = new QuotaCounterSet(record);
                sets[id] = set;
            }

            if (!set._byQuota.TryAdd(quota, counters.Read(record)))
            {
                throw record.Error(quotaColumn, $"kernel '{CellText.Shorten(id)}' has quota {quota} twice.");
            }
        }

        return sets;
    }
}
