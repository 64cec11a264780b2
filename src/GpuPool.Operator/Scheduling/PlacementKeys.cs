namespace GpuPool.Operator.Scheduling;

/// <summary>
/// The rules on a placement key and the key before a rotation, shared by the operator (which seals)
/// and the device plugin (which verifies), so both refuse to start on the same mistakes. A key is
/// never echoed: messages give its length only.
/// </summary>
public static class PlacementKeys
{
    public const int MinimumLength = 32;

    /// <summary>One line per problem, each starting with the option's full name (<paramref name="section"/> ends with ':').</summary>
    public static IReadOnlyList<string> Problems(string section, string? key, string? previousKey)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(key))
        {
            problems.Add($"{section}PlacementKey is required: a secret of at least {MinimumLength} characters, the same for the operator and the device plugin (the chart's placementKey Secret)");
        }
        else if (key.Length < MinimumLength)
        {
            problems.Add($"{section}PlacementKey must be at least {MinimumLength} characters (got {key.Length} characters)");
        }

        if (!string.IsNullOrEmpty(previousKey) && previousKey.Length < MinimumLength)
        {
            problems.Add($"{section}PreviousPlacementKey must be empty or at least {MinimumLength} characters (got {previousKey.Length} characters)");
        }
        else if (!string.IsNullOrEmpty(previousKey) && string.Equals(previousKey, key, StringComparison.Ordinal))
        {
            problems.Add($"{section}PreviousPlacementKey must differ from PlacementKey (a rotation sets a new PlacementKey and keeps the old one here)");
        }

        return problems;
    }
}
