return GpuPool.Cli.CliApp.Run(args, Console.Out, Console.Error);
