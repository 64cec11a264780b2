namespace GpuPool.Prediction.Features;

/// <summary>A named, versioned, ordered list of features; turns a kernel pair into a model input row.</summary>
public sealed class FeatureSet
{
    public FeatureSet(string name, int version, IReadOnlyList<FeatureDefinition> definitions, string? targetScale = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(definitions);
        var duplicate = definitions.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Feature set '{name}' defines '{duplicate.Key}' twice.", nameof(definitions));
        }

        Name = name;
        Definitions = definitions;
        Schema = new FeatureSchema(name, version, [.. definitions.Select(d => d.Name)], targetScale);
        _scaleIndex = targetScale is null ? -1 : Schema.Names.ToList().IndexOf(targetScale);
        if (targetScale is not null && _scaleIndex < 0)
        {
            throw new ArgumentException($"Feature set '{name}': target scale '{targetScale}' is not one of its features.", nameof(targetScale));
        }
    }

    private const double MinScale = 0.02;

    private readonly int _scaleIndex;

    public string Name { get; }

    public IReadOnlyList<FeatureDefinition> Definitions { get; }

    public FeatureSchema Schema { get; }

    public int Count => Definitions.Count;

    /// <summary>
    /// The input row for predicting <paramref name="x"/>'s NP beside <paramref name="y"/>. Values
    /// that are not finite (a ratio over a zero counter) become 0 so no row is ever dropped.
    /// </summary>
    public float[] Extract(KernelAtQuota x, KernelAtQuota y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var row = new float[Definitions.Count];
        for (var i = 0; i < row.Length; i++)
        {
            var value = Definitions[i].Compute(x, y);
            row[i] = double.IsFinite(value) ? (float)value : 0f;
        }

        return row;
    }

    /// <summary>
    /// What the model's raw output is multiplied by to give NP for <paramref name="row"/>: the target
    /// scale feature (e.g. the kernel's alone rate at its quota, so the model learns the slowdown
    /// that interference adds to it), or 1. Never below a small floor, so NP never divides by 0.
    /// </summary>
    public double Scale(float[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _scaleIndex < 0 ? 1.0 : Math.Max(row[_scaleIndex], MinScale);
    }
}
