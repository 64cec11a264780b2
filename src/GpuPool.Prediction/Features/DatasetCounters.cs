using GpuPool.Core.Datasets;

namespace GpuPool.Prediction.Features;

/// <summary>
/// Reads the counters a data set provides that the catalogue's features do not: each gets x's own
/// value and the partner's. Without this a job-level data set whose columns have their own names
/// would be stored but never read (only the quota geometry would vary). No share or sum is built
/// for them: on job-level sets of about a hundred co-runs those redundant splits over-fit
/// (docs/prediction.md, "Job-level data").
/// </summary>
public static class DatasetCounters
{
    private static readonly string[] Suffixes = ["_x", "_y"];

    /// <summary>
    /// Catalogue counters from which on a data set counts as kernel-level under <see cref="DatasetCounterUse.Auto"/>.
    /// On the artifact (20 of them) its other counters (run lengths, grid sizes, suite flags) made
    /// leave-one-kernel-out worse (docs/prediction.md, "Job-level data").
    /// </summary>
    public const int KernelLevelCounters = 8;

    /// <summary>
    /// <see cref="Extend"/> under <paramref name="use"/>: under Auto on a kernel-level data set, and
    /// under None, the unknown counters are listed as ignored, with the reason.
    /// </summary>
    public static DatasetFeatures For(FeatureSet features, IReadOnlyList<string> counters, DatasetCounterUse use)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(counters);
        var known = counters.Count(FeatureCatalog.KnownCounters.Contains);
        if (use == DatasetCounterUse.All || (use == DatasetCounterUse.Auto && known < KernelLevelCounters))
        {
            return Extend(features, counters);
        }

        var unknown = counters.Where(c => !FeatureCatalog.KnownCounters.Contains(c)).ToList();
        var why = use == DatasetCounterUse.None
            ? "--dataset-counters none"
            : $"the data set names {known} of the catalogue's counters, so it is read as kernel-level; --dataset-counters all reads these too";
        return new DatasetFeatures(features, [], unknown.Count == 0 ? [] : [$"{unknown.Count} counters the catalogue does not know ({why}): {string.Join(", ", unknown.Take(12))}{(unknown.Count > 12 ? $" and {unknown.Count - 12} more" : string.Empty)}"]);
    }

    /// <summary>Every counter name any profile of <paramref name="dataset"/> has (isolated or at a quota), in ordinal order.</summary>
    public static IReadOnlyList<string> Of(ProfileDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return
        [
            .. dataset.Profiles.SelectMany(p => p.Counters.Keys.Concat(p.QuotaCounters.Values.SelectMany(c => c.Keys)))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// <paramref name="features"/> with a block for each of <paramref name="counters"/> the catalogue
    /// does not read. A counter whose feature names would repeat one of the set's is left out and
    /// listed, with the reason, in <see cref="DatasetFeatures.Ignored"/>.
    /// </summary>
    public static DatasetFeatures Extend(FeatureSet features, IReadOnlyList<string> counters)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(counters);
        var names = features.Schema.Names.ToHashSet(StringComparer.Ordinal);
        var added = new List<string>();
        var ignored = new List<string>();
        foreach (var counter in counters.Where(c => !FeatureCatalog.KnownCounters.Contains(c)))
        {
            var clash = Suffixes.Select(s => counter + s).FirstOrDefault(names.Contains);
            if (clash is not null)
            {
                ignored.Add($"{counter} (its feature '{clash}' is already one of set '{features.Name}')");
                continue;
            }

            names.UnionWith(Suffixes.Select(s => counter + s));
            added.Add(counter);
        }

        return new DatasetFeatures(added.Count == 0 ? features : With(features, added), added, ignored);
    }

    /// <summary>
    /// The feature set a saved schema names: a catalogue set, followed by zero or more counter
    /// blocks <see cref="Extend"/> added. Throws <see cref="ArgumentException"/> when the schema is neither.
    /// </summary>
    public static FeatureSet Resolve(FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var catalogue = FeatureCatalog.ByName(schema.SetName);
        var extra = schema.Names.Skip(catalogue.Count).ToList();
        if (extra.Count == 0 || schema.Names.Count < catalogue.Count)
        {
            return catalogue;
        }

        var counters = new List<string>();
        for (var i = 0; i + Suffixes.Length <= extra.Count && extra[i].EndsWith(Suffixes[0], StringComparison.Ordinal); i += Suffixes.Length)
        {
            var counter = extra[i][..^Suffixes[0].Length];
            if (Suffixes.Select((s, k) => extra[i + k] == counter + s).All(same => same))
            {
                counters.Add(counter);
            }
        }

        return counters.Count * Suffixes.Length == extra.Count
            ? With(catalogue, counters)
            : throw new ArgumentException($"Feature set '{schema.SetName}': features after its own {catalogue.Count} are not counter blocks ({string.Join(", ", Suffixes)}).", nameof(schema));
    }

    /// <summary>
    /// The plain baseline's inputs: each data set counter of x and of its partner as it is, and both
    /// quotas; no pairwise construction and no target scale.
    /// </summary>
    public static FeatureSet Raw(IReadOnlyList<string> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return new FeatureSet("raw", 1, new FeatureDefinition[]
        {
            new("quota_x", "x's thread blocks per SM", (x, _) => x.Quota),
            new("quota_y", "the partner's thread blocks per SM", (_, y) => y.Quota),
        }.Concat(counters.SelectMany(c => new[] { FeatureCatalog.Own(c), FeatureCatalog.Partner(c) })).DistinctBy(d => d.Name).ToList());
    }

    private static FeatureSet With(FeatureSet features, IReadOnlyList<string> counters) =>
        new(features.Name, features.Schema.Version,
            [.. features.Definitions, .. counters.SelectMany(c => new[] { FeatureCatalog.Own(c), FeatureCatalog.Partner(c) })],
            features.Schema.TargetScale);
}
