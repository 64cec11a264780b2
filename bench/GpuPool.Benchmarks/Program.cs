using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using GpuPool.Benchmarks;
using GpuPool.Benchmarks.Churn;

switch (args.FirstOrDefault())
{
    case "matching":
        MatchingTimingTable.Print(Console.Out, withDenseWeighted: args.Contains("--with-dense-weighted"));
        return 0;
    case "window":
        WindowTimingTable.Print(Console.Out, args.SkipWhile(a => a != "--model").Skip(1).FirstOrDefault());
        return 0;
    case "churn":
        return await ChurnBenchmark.RunAsync(Console.Out, new ChurnOptions());
    case "bdn":
        var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(Job.ShortRun);
        BenchmarkSwitcher.FromTypes([typeof(MatchingBenchmarks), typeof(WindowBenchmarks)]).Run(args[1..], config);
        return 0;
    default:
        Console.Error.WriteLine("usage: GpuPool.Benchmarks matching | window [--model file] | churn | bdn [BenchmarkDotNet arguments]");
        return 2;
}
