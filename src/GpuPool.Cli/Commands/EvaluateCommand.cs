using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GpuPool.Prediction.Evaluation;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Training;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool evaluate`: scores learners (or a saved model) on a data set's measured co-runs.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set directory", Required = true };
        var modelPath = new Option<string?>("--model") { Description = "Score this saved model on every measured row instead of cross-validating" };
        var split = new Option<string>("--split") { Description = "kfold, pair-grouped or leave-one-kernel-out", DefaultValueFactory = _ => "kfold" };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" }.Must(f => f is "text" or "json", "text or json");
        var learners = new Option<string>("--learners") { Description = "Comma-separated learners; the first is reported in full", DefaultValueFactory = _ => "fasttree,fastforest,lightgbm,sdca" };
        var delta = new Option<double>("--delta") { Description = "Safety margin of the edge decision", DefaultValueFactory = _ => 0.1 }.Must(d => d >= 0 && d < 1, "in [0, 1)");
        var compare = new Option<bool>("--compare") { Description = "Every split side by side: FastTree default and tuned by nested CV, LightGbm, a plain GBT on raw counters, the training mean" };
        var datasetCounters = new Option<string>("--dataset-counters") { Description = "auto, all or none: read the data set's counters the feature catalogue does not know (auto: when it names few of the catalogue's)", DefaultValueFactory = _ => "auto" };
        var maxFits = new Option<int>("--max-fits") { Description = "Refuse an evaluation that would fit more models than this", DefaultValueFactory = _ => EvaluationBudget.DefaultMaxFits }.InRange(1, 1_000_000);
        var shared = new LearnerOptionSet();
        var command = new Command("evaluate", "Score the kernel-wise predictor on measured co-runs.") { dataset, modelPath, split, format, learners, delta, compare, datasetCounters, maxFits };
        shared.AddTo(command);
        command.SetAction(parsed =>
        {
            var asJson = parsed.GetValue(format) == "json";
            var margin = parsed.GetValue(delta);

            var directory = parsed.GetValue(dataset)!;
            var data = DatasetLoader.Load(directory);
            var path = parsed.GetValue(modelPath);
            var (output, error) = (parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
            var options = new EvaluationOptions
            {
                Split = CommandErrors.Option("--split", () => DatasetSplitter.Parse(parsed.GetValue(split)!)),
                Features = shared.FeatureSet(parsed),
                Learner = shared.Learner(parsed),
                Delta = margin,
                DatasetCounters = CommandErrors.Option("--dataset-counters", () => Enum.TryParse<DatasetCounterUse>(parsed.GetValue(datasetCounters), ignoreCase: true, out var use) && Enum.IsDefined(use)
                    ? use
                    : throw new ArgumentException($"unknown value '{parsed.GetValue(datasetCounters)}'; use auto, all or none.")),
                MaxFits = parsed.GetValue(maxFits),
            };
            if (parsed.GetValue(compare))
            {
                if (path is not null)
                {
                    throw new ArgumentException("--compare cross-validates models of its own; it does not score a saved --model.");
                }

                var comparison = CommandErrors.Option(directory, () => new ModelComparison(new KernelModelTrainer(TimeProvider.System), options).Run(data));
                output.WriteLine(asJson ? JsonSerializer.Serialize(comparison) : ComparisonText.Of(comparison));
                return 0;
            }

            EvaluationReport report;
            if (path is not null)
            {
                using var model = ModelFile.Load(path);
                report = CrossValidator.Score(model, data, margin);
            }
            else
            {
                var kinds = CommandErrors.Option("--learners", () => parsed.GetValue(learners)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(LearnerCatalog.Parse).ToList());
                report = CommandErrors.Option(directory, () => new CrossValidator(new KernelModelTrainer(TimeProvider.System), options).Run(data, kinds));
            }

            if (asJson)
            {
                // stdout stays pure JSON; the per-fold detail goes to stderr for the reader.
                output.WriteLine(JsonSerializer.Serialize(report));
                error.WriteLine(Text(report));
            }
            else
            {
                output.WriteLine(Text(report));
            }
            return 0;
        });
        return command;
    }

    private static string Text(EvaluationReport r)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = r.Warnings.Select(w => $"warning: {w}").ToList();
        lines.AddRange(
        [
            string.Create(c, $"samples {r.Samples}  mae {r.Mae:0.0000}  rmse {r.Rmse:0.0000}  meanRelErr {r.MeanRelErr:0.0000}  r2 {r.R2:0.0000}"),
            string.Create(c, $"edge precision {r.EdgePrecision:0.0000}  edge recall {r.EdgeRecall:0.0000}"),
            "edge decision per QoS target: admitted, precision, recall, base rate (rows meeting it anyway)",
            .. r.EdgesByQos.Select(q => string.Create(c, $"  qos {q.Qos:0.0}  {q.Admitted,6} of {q.Rows,-6} {q.Precision:0.0000}  {q.Recall:0.0000}  {q.BaseRate:0.0000}")),
            "learners (mean fold MAE):",
        ]);
        lines.AddRange(r.Learners.Select(l => string.Create(c, $"  {l.Name,-14} {l.Mae:0.0000}{(l.Fallback is null ? string.Empty : $"  (training mean on {l.FallbackFolds} folds: {l.Fallback})")}")));
        lines.Add("folds (first learner's MAE):");
        lines.AddRange(r.Folds.Select(f => string.Create(c, $"  {f.Name,-24} {f.Mae:0.0000}")));
        if (r.HeldOutKernels.Count > 0)
        {
            lines.Add("held-out kernels (first learner): own NP MAE (bias, samples) | partners' NP MAE (bias, samples)");
            lines.AddRange(r.HeldOutKernels.Select(k => string.Create(c,
                $"  {k.Kernel,-24} {k.OwnMae:0.0000} ({k.OwnBias:+0.000;-0.000}, {k.OwnSamples}) | {k.PartnerMae:0.0000} ({k.PartnerBias:+0.000;-0.000}, {k.PartnerSamples})")));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
