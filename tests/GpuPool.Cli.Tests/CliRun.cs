namespace GpuPool.Cli.Tests;

/// <summary>Runs the CLI in-process, capturing stdout and stderr.</summary>
public static class CliRun
{
    public static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
