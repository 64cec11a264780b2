using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Scheduling;

/// <summary>Set-condition semantics: one entry per type; lastTransitionTime moves only when the status flips.</summary>
public static class Conditions
{
    public static IReadOnlyList<GpuJobCondition> Set(
        IReadOnlyList<GpuJobCondition>? existing,
        string type,
        bool status,
        string reason,
        string message,
        long? generation,
        DateTimeOffset now)
    {
        var statusText = status ? "True" : "False";
        var previous = existing?.FirstOrDefault(c => c.Type == type);
        var condition = new GpuJobCondition
        {
            Type = type,
            Status = statusText,
            Reason = reason,
            Message = message,
            ObservedGeneration = generation,
            LastTransitionTime = previous?.Status == statusText && previous.LastTransitionTime is not null
                ? previous.LastTransitionTime
                : Rfc3339.Format(now),
        };
        return [.. (existing ?? []).Where(c => c.Type != type), condition];
    }

    /// <summary>True when both lists say the same (type, status, reason) for every type, ignoring times and messages.</summary>
    public static bool SameState(IReadOnlyList<GpuJobCondition>? a, IReadOnlyList<GpuJobCondition>? b)
    {
        static HashSet<(string, string, string?)> Key(IReadOnlyList<GpuJobCondition>? list) =>
            [.. (list ?? []).Select(c => (c.Type, c.Status, c.Reason))];
        return Key(a).SetEquals(Key(b));
    }
}
