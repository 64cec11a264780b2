using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GpuPool.Cli.Explain;
using GpuPool.Core.Gpus;
using GpuPool.Prediction.DefaultModel;
using GpuPool.Prediction.Models;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool explain`: why two jobs of the manifests would or would not share a GPU.</summary>
internal static class ExplainCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var manifests = new Option<string[]>("--manifests") { Description = "GpuJob and GpuProfile manifest files (as given to kubectl apply)", Required = true, AllowMultipleArgumentsPerToken = true };
        var jobA = new Argument<string>("JOB_A") { Description = "A GpuJob (namespace/name or a unique name), or a GpuProfile run as a job" };
        var jobB = new Argument<string>("JOB_B") { Description = "The other job, named the same way" };
        var modelFile = new Option<string?>("--model") { Description = "Trained kernel-wise model (gpupool train); default: the embedded default model" };
        var delta = new Option<double>("--delta") { Description = "Safety margin of the edge rule (the operator's Delta)", DefaultValueFactory = _ => 0.1 }.Must(d => d >= 0 && d < 1, "in [0, 1)");
        var qos = new Option<double>("--qos") { Description = "QoS target of a job made from a bare GpuProfile", DefaultValueFactory = _ => 0.5 }.Must(q => q > 0 && q <= 1, "in (0, 1]");
        var top = new Option<int>("--top") { Description = "Features shown per job", DefaultValueFactory = _ => 5 }.InRange(1, 100);
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" }.Must(f => f is "text" or "json", "text or json");
        var command = new Command("explain", "Predicted NP of two jobs under each sharing setting, the QoS floors, the edge decision and the features behind it.")
        {
            manifests, jobA, jobB, modelFile, delta, qos, top, format,
        };
        command.SetAction(parsed =>
        {
            var asJson = parsed.GetValue(format) == "json";
            var margin = parsed.GetValue(delta);
            var target = parsed.GetValue(qos);
            var resources = ManifestResources.Read(parsed.GetValue(manifests)!);
            var a = ExplainedJobs.Resolve(resources, parsed.GetValue(jobA)!, target);
            var b = ExplainedJobs.Resolve(resources, parsed.GetValue(jobB)!, target);
            if (a.Id == b.Id)
            {
                throw new ArgumentException($"JOB_A and JOB_B both name {a.Id}; a job is never paired with itself.");
            }

            var path = parsed.GetValue(modelFile);
            using var model = DefaultModel.LoadFileOrDefault(path);
            var modelName = path ?? "embedded default model (trained on the simulator only)";
            var explanation = PairExplainer.Explain(a, b, model, $"{modelName}: {model.Metadata.Learner} on {model.Metadata.DataSet}", margin, GpuModel.V100, parsed.GetValue(top));
            var output = parsed.InvocationConfiguration.Output;
            output.WriteLine(asJson ? JsonSerializer.Serialize(explanation, Json) : Text(explanation));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Text(PairExplanation e)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder()
            .Append(c, $"{e.JobA} beside {e.JobB}   model: {e.Model}   delta {e.Delta:0.###}\n")
            .Append(c, $"QoS floors (target x (1 + delta)): {e.JobA} {e.FloorA.QosTarget:0.###} -> {e.FloorA.Floor:0.###}, {e.JobB} {e.FloorB.QosTarget:0.###} -> {e.FloorB.Floor:0.###}\n\n")
            .Append(c, $"{"setting",-18} {"NP A",8} {"NP B",8} {"STP",8}  clears A  clears B\n");
        foreach (var s in e.Settings)
        {
            text.Append(c, $"{s.Setting,-18} {s.NpA,8:0.000} {s.NpB,8:0.000} {s.Stp,8:0.000}  {Yes(s.ClearsA),-8}  {Yes(s.ClearsB)}\n");
        }

        text.Append(c, $"\nchosen: {e.Chosen ?? "none (no setting keeps both above their floors)"}\n")
            .Append(c, $"edge: {Yes(e.Edge)}\n");
        foreach (var reason in e.Reasons)
        {
            text.Append(c, $"  why not: {reason}\n");
        }

        text.Append(c, $"\nfeatures that moved the prediction most under {e.FeaturesSetting} (model contributions, NP):\n");
        foreach (var (job, effects) in new[] { (e.JobA, e.FeaturesA), (e.JobB, e.FeaturesB) })
        {
            text.Append(c, $"  {job}: {string.Join(", ", effects.Select(f => string.Create(c, $"{f.Feature} {f.Effect:+0.000;-0.000}")))}\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Yes(bool value) => value ? "yes" : "no";
}
