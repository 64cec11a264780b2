using System.Globalization;
using System.Text.Json;
using GpuPool.Operator.Observations;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli.Feedback;

/// <summary>
/// Reads the operator's observations file (JSON lines of <see cref="NpObservation"/>, written by
/// its JsonLinesObservationSink). The sink writes at least once, so a job seen again (same
/// jobUid) is dropped. A line that is not an observation is a <see cref="DatasetFormatException"/>
/// naming file, line, column and field.
/// </summary>
public static class ObservationLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static ObservationSet Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{file}: file not found ({path}).");
        }

        var kept = new List<NpObservation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var observation = Parse(file, i + 1, lines[i]);
            if (seen.Add(observation.JobUid))
            {
                kept.Add(observation);
            }
            else
            {
                duplicates++;
            }
        }

        return new ObservationSet(kept, duplicates);
    }

    private static NpObservation Parse(string file, int line, string text)
    {
        NpObservation? observation;
        try
        {
            observation = JsonSerializer.Deserialize<NpObservation>(text, Json);
        }
        catch (JsonException e)
        {
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new DatasetFormatException(file, line, column, e.Path ?? "$", $"not an observation: {e.Message.Split(" Path:")[0]}");
        }

        if (observation is null)
        {
            throw new DatasetFormatException(file, line, 1, "$", "not an observation: null.");
        }

        Require(observation.Job.Length > 0, file, line, text, "job", "must not be empty.");
        Require(observation.JobUid.Length > 0, file, line, text, "jobUid", "must not be empty.");
        Require(observation.MeasuredNp is >= DatasetLimits.MinNp and <= DatasetLimits.MaxNp, file, line, text, "measuredNp",
            string.Create(CultureInfo.InvariantCulture, $"{observation.MeasuredNp} must be in [{DatasetLimits.MinNp:G6}, {DatasetLimits.MaxNp:G6}]."));
        return observation;
    }

    private static void Require(bool ok, string file, int line, string text, string field, string problem)
    {
        if (!ok)
        {
            // The field's own position in the line, so the message points at it.
            var at = text.IndexOf($"\"{field}\"", StringComparison.Ordinal);
            throw new DatasetFormatException(file, line, at < 0 ? 1 : at + 1, field, problem);
        }
    }
}
