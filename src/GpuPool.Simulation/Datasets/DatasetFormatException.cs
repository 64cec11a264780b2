namespace GpuPool.Simulation.Datasets;

/// <summary>
/// A data set file is missing or malformed. The message names the file and, where known, the
/// line, column and field, so the operator can fix the exact cell.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string message)
        : base(message)
    {
    }

    public DatasetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatasetFormatException()
    {
    }

    public DatasetFormatException(string file, int line, int column, string field, string problem)
        : base($"{file}:{line}:{column}: field '{field}': {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Field = field;
    }

    public string? File { get; }

    public int Line { get; }

    public int Column { get; }

    public string? Field { get; }
}
