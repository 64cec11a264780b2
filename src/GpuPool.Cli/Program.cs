using System.CommandLine;
using GpuPool.Cli.Commands;

var root = new RootCommand("GpuPool: interference-aware GPU sharing (prediction, simulation, tools).");
root.Subcommands.Add(SimRunCommand.Create(Environment.GetEnvironmentVariable));
return await root.Parse(args).InvokeAsync();
