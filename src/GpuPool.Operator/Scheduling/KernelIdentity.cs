using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GpuPool.Contracts.Workloads;
using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// The id a kernel gets in the operator's Core jobs: the user's id, '@', and 16 hex digits of a
/// SHA-256 over everything the predictor reads from the kernel (geometry, isolated time, every
/// counter). A GpuProfile's or GpuJob's kernel ids are unique only within its own list, while the
/// prediction caches key by id across namespaces and for the life of the process: with the content
/// in the id, two kernels named alike but measured differently never share a prediction, an edited
/// profile gets new ones, and identical kernels in different namespaces share theirs.
/// </summary>
public static class KernelIdentity
{
    public static string Of(KernelSpec kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var id = kernel.Id ?? string.Empty;
        var text = new StringBuilder(256)
            .Append(CultureInfo.InvariantCulture, $"{id.Length}:{id}\n")
            .Append(CultureInfo.InvariantCulture, $"{kernel.GridBlocks} {kernel.ThreadsPerBlock} {kernel.RegistersPerThread} {kernel.SharedMemoryPerBlockBytes} {kernel.IsolatedSeconds:R}\n");
        foreach (var (name, value) in (kernel.Counters ?? new Dictionary<string, double>()).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            // Lengths first: no id or counter name can forge the text of another.
            text.Append(CultureInfo.InvariantCulture, $"{name.Length}:{name}={value:R}\n");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return $"{id}@{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }
}
