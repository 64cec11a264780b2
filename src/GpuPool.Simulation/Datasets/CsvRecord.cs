using System.Globalization;

namespace GpuPool.Simulation.Datasets;

/// <summary>One data row of a <see cref="CsvTable"/>, with typed accessors that fail naming the cell.</summary>
public sealed class CsvRecord
{
    private readonly IReadOnlyList<string> _fields;

    internal CsvRecord(CsvTable table, int line, IReadOnlyList<string> fields)
    {
        Table = table;
        Line = line;
        _fields = fields;
    }

    public CsvTable Table { get; }

    /// <summary>1-based line in the file.</summary>
    public int Line { get; }

    /// <summary>The cell at <paramref name="index"/> as written (untrimmed, possibly empty).</summary>
    public string Field(int index) => _fields[index];

    public string Text(string column)
    {
        var index = Table.RequireColumn(column);
        var value = _fields[index].Trim();
        return value.Length > 0 ? value : throw Error(index, "must not be empty.");
    }

    public double Number(string column)
    {
        var index = Table.RequireColumn(column);
        return TryNumber(index, out var value) ? value : throw Error(index, $"'{Shown(index)}' is not a finite number.");
    }

    public double PositiveNumber(string column)
    {
        var value = Number(column);
        return value > 0 ? value : throw Error(Table.RequireColumn(column), $"{value} must be positive.");
    }

    /// <summary>A number in [<paramref name="minimum"/>, <paramref name="maximum"/>]; outside, an error naming the range.</summary>
    public double NumberIn(string column, double minimum, double maximum)
    {
        var value = Number(column);
        return value >= minimum && value <= maximum
            ? value
            : throw Error(Table.RequireColumn(column), string.Create(CultureInfo.InvariantCulture, $"{value} must be in [{minimum:G6}, {maximum:G6}]."));
    }

    public int WholeNumber(string column, int minimum)
    {
        var index = Table.RequireColumn(column);
        if (!int.TryParse(_fields[index].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            // Integers written as "4.0" by numeric tools are accepted when they are whole.
            if (!TryNumber(index, out var number) || number != Math.Floor(number) || Math.Abs(number) > int.MaxValue)
            {
                throw Error(index, $"'{Shown(index)}' is not an integer.");
            }

            value = (int)number;
        }

        return value >= minimum ? value : throw Error(index, $"{value} must be at least {minimum}.");
    }

    /// <summary>True when the cell at <paramref name="index"/> is written as a number, finite or not (NaN, Infinity, 1e999).</summary>
    public bool IsNumeric(int index) =>
        double.TryParse(_fields[index].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>The cell at <paramref name="index"/> as an error message quotes it.</summary>
    public string Shown(int index) => CellText.Shorten(_fields[index]);

    /// <summary>True when the cell at <paramref name="index"/> holds a finite number.</summary>
    public bool TryNumber(int index, out double value) =>
        double.TryParse(_fields[index].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>An error pointing at this record's cell in <paramref name="column"/>.</summary>
    public DatasetFormatException Error(string column, string problem) => Error(Table.RequireColumn(column), problem);

    public DatasetFormatException Error(int index, string problem) =>
        new(Table.File, Line, index + 1, Table.Header[index], problem);
}
