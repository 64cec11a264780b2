using System.CommandLine;
using System.Globalization;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool calibrate`: fits the co-run model to a data set and prints held-out NP error per split.</summary>
public static class CalibrateCommand
{
    public static Command Create(TextWriter stdout)
    {
        var dataset = CommonOptions.Dataset("Data set directory with measured co-runs (e.g. the paper artifact).");
        dataset.Required = true;
        var folds = new Option<int>("--folds") { Description = "Folds of the grouped k-fold split.", DefaultValueFactory = _ => 5 }.InRange(2, 20);
        var command = new Command("calibrate", "Fit the simulated GPU's co-run model and report NP mean absolute error on held-out co-runs.") { dataset, folds };
        command.SetAction(parse =>
        {
            var k = parse.GetValue(folds);
            var directory = parse.GetValue(dataset);
            var data = CommonOptions.LoadDataset(directory);
            var fit = CommonOptions.Calibrate(directory, () => new CoRunCalibrator(data).Fit());
            var parameters = fit.Parameters;
            var culture = CultureInfo.InvariantCulture;
            stdout.WriteLine(string.Create(culture, $"kernels {data.Profiles.Count}, measured co-runs {data.Pairs.Count}"));
            stdout.WriteLine(string.Create(culture, $"occupancy exponent gamma = {parameters.OccupancyExponent:0.0000}"));
            stdout.WriteLine(string.Create(culture, $"per-kernel terms: penalty {parameters.Terms.Penalty:0.0##}, rank {parameters.Terms.Rank} (chosen by inner {CoRunCalibrator.InnerFolds}-fold CV), fitted for {fit.Terms.Count} kernels where the data set is loaded"));
            stdout.WriteLine(parameters.Correction is { } c
                ? string.Create(culture, $"exponent correction: kernel width {c.Width:0.0##}, penalty {c.Penalty:0.0##} (chosen by the same inner CV, fitted on its out-of-fold residuals)")
                : "exponent correction: none (no candidate beat the inner CV without it)");
            stdout.WriteLine("feature                          shipped  with terms");
            for (var i = 0; i < ContentionFeatures.Count; i++)
            {
                stdout.WriteLine(string.Create(culture, $"  {ContentionFeatures.Names[i],-28} {parameters.Weights[i],8:0.0000} {fit.Terms.Weights[i],8:0.0000}"));
            }

            stdout.WriteLine("split                                 held-out NPs   MAE      max");
            foreach (var split in CommonOptions.Calibrate(directory, () => new CalibrationReport(data).Run(k)))
            {
                stdout.WriteLine(string.Create(culture, $"{split.Name,-37} {split.HeldOutNps,12} {split.MeanAbsoluteError,7:0.0000} {split.MaxAbsoluteError,7:0.000}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
