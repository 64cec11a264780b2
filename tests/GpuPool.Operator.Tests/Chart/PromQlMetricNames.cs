using System.Text.RegularExpressions;

namespace GpuPool.Operator.Tests.Chart;

/// <summary>
/// The metric names a PromQL expression selects: every identifier left once strings, label
/// matchers, ranges, grouping clauses, function calls, keywords and numbers are taken out.
/// (promtool checks the syntax; this only needs to find names in valid queries.)
/// </summary>
public static partial class PromQlMetricNames
{
    private static readonly HashSet<string> _keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan",
    };

    public static IReadOnlyList<string> In(string expression)
    {
        var text = StringLiteral().Replace(expression, " ");
        text = LabelMatchers().Replace(text, " ");
        text = RangeOrSubquery().Replace(text, " ");
        text = GroupingClause().Replace(text, " ");
        return Identifier().Matches(text)
            .Where(m => !IsFunctionCall(text, m) && !_keywords.Contains(m.Value.ToLowerInvariant()))
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsFunctionCall(string text, Match identifier)
    {
        var rest = text.AsSpan(identifier.Index + identifier.Length).TrimStart();
        return rest.Length > 0 && rest[0] == '(';
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangeOrSubquery();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex GroupingClause();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifier();
}
