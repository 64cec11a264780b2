using System.CommandLine;
using System.Globalization;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool fit-arrivals`: the arrival-shape parameters of a Philly trace (what ArrivalParameters.Philly ships).</summary>
public static class FitArrivalsCommand
{
    public static Command Create(TextWriter stdout)
    {
        var trace = CommonOptions.Trace();
        trace.Required = true;
        var command = new Command("fit-arrivals", "Fit the arrival generator's parameters to the single-GPU jobs of a Philly trace.") { trace };
        command.SetAction(parse =>
        {
            var jobs = PhillyTrace.ReadSingleGpuJobs(parse.GetValue(trace)!);
            var fitted = PhillyTrace.Fit(jobs);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"single-GPU jobs {jobs.Count}: zeroGapShare {fitted.ZeroGapShare:0.0000}, logMean {fitted.LogMean:0.0000}, logSigma {fitted.LogSigma:0.0000} (gaps in units of the mean gap)"));
            return ExitCodes.Success;
        });
        return command;
    }
}
