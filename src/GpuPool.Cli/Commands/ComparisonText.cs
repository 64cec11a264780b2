using System.Globalization;
using GpuPool.Prediction.Evaluation;

namespace GpuPool.Cli.Commands;

/// <summary>The text form of `gpupool evaluate --compare`: one line per split and model, notes under the table.</summary>
internal static class ComparisonText
{
    public static string Of(ComparisonReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = report.Warnings.Select(w => $"warning: {w}").ToList();
        lines.Add(string.Create(c, $"{"split",-22} {"model",-20} {"samples",7} {"mae",7} {"rmse",7} {"r2",7} {"edgeP",7} {"edgeR",7} {"meanFolds",9}"));
        lines.AddRange(report.Rows.Select(r => string.Create(c,
            $"{r.Split,-22} {r.Model,-20} {r.Samples,7} {r.Mae,7:0.0000} {r.Rmse,7:0.0000} {r.R2,7:0.000} {r.EdgePrecision,7:0.000} {r.EdgeRecall,7:0.000} {r.FallbackFolds,9}")));
        lines.AddRange(report.Rows.Where(r => r.Note is not null).Select(r => $"{r.Split} {r.Model}: {r.Note}"));
        foreach (var split in report.Rows.GroupBy(r => r.Split))
        {
            var (model, plain) = (split.FirstOrDefault(r => r.Model == ModelComparison.DefaultModel), split.FirstOrDefault(r => r.Model == ModelComparison.PlainModel));
            if (model is not null && plain is not null && plain.Mae > 0)
            {
                lines.Add(string.Create(c, $"{split.Key}: default / plain GBT MAE {model.Mae / plain.Mae:0.000}"));
            }
        }

        lines.Add(string.Create(c, $"models fitted: {report.Fits} (meanFolds: folds on which the model could not learn and the training mean stood in)"));
        return string.Join(Environment.NewLine, lines);
    }
}
