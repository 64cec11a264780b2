namespace GpuPool.Simulation.Gpus;

/// <summary>
/// FNV-1a over strings: the same value in every process (string.GetHashCode is randomised per
/// process, which would make seeded noise irreproducible).
/// </summary>
public static class StableHash
{
    public static int Of(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        unchecked
        {
            var hash = 2166136261u;
            foreach (var part in parts)
            {
                foreach (var c in part)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                hash = (hash ^ '|') * 16777619u;
            }

            return (int)hash;
        }
    }
}
