using System.Globalization;
using System.Text;

namespace GpuPool.Cli.Tests.Fuzz;

/// <summary>
/// Seeded mutations of real inputs, the ways files and arguments go bad: a flipped byte, a number
/// out of any range (huge, tiny, NaN, Inf, past 64 bits), a truncated file, a huge field.
/// </summary>
public sealed class Mutator(int seed)
{
    /// <summary>Values that stand where a number belongs.</summary>
    public static readonly string[] HostileNumbers =
    [
        "1e308", "-1e308", "4.9e-324", "1e-300", "NaN", "Infinity", "-Infinity", "9223372036854775808",
        "2147483648", "2e9", "-1", "0", "-0", "", "1,5", "0x10", "1e", "--", "\u0661",
    ];

    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>One mutation of a text file's bytes, and what it was.</summary>
    public (byte[] Bytes, string What) Mutate(byte[] original)
    {
        ArgumentNullException.ThrowIfNull(original);
        switch (_random.Next(4))
        {
            case 0:
                var flipped = (byte[])original.Clone();
                var at = _random.Next(flipped.Length);
                flipped[at] ^= (byte)(1 + _random.Next(255));
                return (flipped, $"byte {at} flipped");
            case 1:
                var cut = _random.Next(original.Length);
                return (original[..cut], $"truncated at {cut}");
            case 2:
                return ReplaceField(original, Pick(HostileNumbers));
            default:
                // A field of a million characters: messages must not echo it whole.
                return ReplaceField(original, new string('9', 1_000_000));
        }
    }

    /// <summary>A copy with one field of a data row (not the header) replaced.</summary>
    private (byte[] Bytes, string What) ReplaceField(byte[] original, string value)
    {
        var lines = Encoding.UTF8.GetString(original).Split('\n');
        var rows = lines.Length > 2 ? lines.Length - 2 : 1;
        var row = 1 + _random.Next(rows);
        var fields = lines[Math.Min(row, lines.Length - 1)].Split(',');
        var column = _random.Next(fields.Length);
        fields[column] = value;
        lines[Math.Min(row, lines.Length - 1)] = string.Join(',', fields);
        var shown = value.Length > 20 ? $"{value.Length} chars" : $"'{value}'";
        return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), string.Create(CultureInfo.InvariantCulture, $"line {row + 1} field {column + 1} = {shown}"));
    }
}
