namespace GpuPool.Cli;

/// <summary>Process exit codes of the gpupool command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected failure (a bug or an environment problem).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or malformed input files: the message names the option or file/line/column.</summary>
    public const int BadInput = 2;
}
