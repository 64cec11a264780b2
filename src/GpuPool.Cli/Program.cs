using System.CommandLine;
using GpuPool.Cli.Commands;

var root = new RootCommand("GpuPool: interference-aware GPU sharing (prediction, simulation, tools).");
PredictionCommands.AddTo(root);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message);
    }

    return CommandErrors.BadInput;
}

return await parsed.InvokeAsync();
