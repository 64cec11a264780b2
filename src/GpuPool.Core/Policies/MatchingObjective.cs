namespace GpuPool.Core.Policies;

/// <summary>What the matching step of a prediction-based policy maximises.</summary>
public enum MatchingObjective
{
    /// <summary>As many pairs as possible (the paper's rule: Edmonds' blossom).</summary>
    MaxCardinality,

    /// <summary>As many pairs as possible, and among those the most GPU-seconds saved (<see cref="PairWeight"/>).</summary>
    MaxWeightAmongMaxCardinality,

    /// <summary>The highest total STP, whatever the number of pairs (TrueNpMatching's rule).</summary>
    MaxWeight,
}
