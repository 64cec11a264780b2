using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using GpuPool.Benchmarks;

switch (args.FirstOrDefault())
{
    case "matching":
        MatchingTimingTable.Print(Console.Out, withDenseWeighted: args.Contains("--with-dense-weighted"));
        return 0;
    case "bdn":
        var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(Job.ShortRun);
        BenchmarkSwitcher.FromTypes([typeof(MatchingBenchmarks)]).Run(args[1..], config);
        return 0;
    default:
        Console.Error.WriteLine("usage: GpuPool.Benchmarks matching | bdn [BenchmarkDotNet arguments]");
        return 2;
}
