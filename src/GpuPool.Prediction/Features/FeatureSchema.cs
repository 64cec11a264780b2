namespace GpuPool.Prediction.Features;

/// <summary>
/// What a saved model expects as input: the feature set's name, its version and the ordered
/// feature names, and the feature the target is divided by (null: the model predicts NP itself).
/// A model only runs against the exact schema it was trained with.
/// </summary>
public sealed record FeatureSchema(string SetName, int Version, IReadOnlyList<string> Names, string? TargetScale = null)
{
    /// <summary>Null when <paramref name="other"/> is the same schema, else what differs, in words.</summary>
    public string? Mismatch(FeatureSchema other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (SetName != other.SetName)
        {
            return $"feature set '{other.SetName}' but '{SetName}' was expected";
        }

        if (Version != other.Version)
        {
            return $"feature set '{SetName}' version {other.Version} but version {Version} was expected";
        }

        if (Names.Count != other.Names.Count)
        {
            return $"{other.Names.Count} features but {Names.Count} were expected";
        }

        if (TargetScale != other.TargetScale)
        {
            return $"target scale '{other.TargetScale}' but '{TargetScale}' was expected";
        }

        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] != other.Names[i])
            {
                return $"feature {i} is '{other.Names[i]}' but '{Names[i]}' was expected";
            }
        }

        return null;
    }
}
