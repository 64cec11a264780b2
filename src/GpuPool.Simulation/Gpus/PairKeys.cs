namespace GpuPool.Simulation.Gpus;

/// <summary>Unordered kernel-pair keys and the deterministic fold dealing used by every grouped split.</summary>
public static class PairKeys
{
    public static string Of(string a, string b) =>
        string.CompareOrdinal(a, b) < 0 ? $"{a}|{b}" : $"{b}|{a}";

    /// <summary>Keys in ordinal order, dealt round-robin to folds: balanced without a random generator.</summary>
    public static Dictionary<string, int> DealFolds(IEnumerable<string> keys, int folds)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        return keys.Distinct().Order(StringComparer.Ordinal).Select((key, i) => (key, i % folds)).ToDictionary(k => k.key, k => k.Item2);
    }
}
