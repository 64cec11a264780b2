using System.Text.Json;
using GpuPool.Operator.Ports;

namespace GpuPool.Operator.Observations;

/// <summary>Appends one JSON object per line to a file (option ObservationsPath); nothing when the path is empty.</summary>
public sealed class JsonLinesObservationSink(string path) : IObservationSink, IDisposable
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task AppendAsync(NpObservation observation, CancellationToken cancellationToken)
    {
        if (path.Length == 0)
        {
            return;
        }

        var line = JsonSerializer.Serialize(observation, _json) + "\n";
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(path, line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
