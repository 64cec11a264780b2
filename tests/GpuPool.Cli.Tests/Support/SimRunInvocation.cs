using System.CommandLine;
using System.Text;
using GpuPool.Cli.Commands;

namespace GpuPool.Cli.Tests.Support;

/// <summary>Runs <c>gpupool sim-run ARGS</c> in-process with a given environment, capturing its output.</summary>
public sealed class SimRunInvocation
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    public string Output => _output.ToString();

    public string Error => _error.ToString();

    public async Task<int> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(SimRunCommand.Create(name => environment.GetValueOrDefault(name)));
        using var output = new StringWriter(_output);
        using var error = new StringWriter(_error);
        return await root.Parse(["sim-run", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
