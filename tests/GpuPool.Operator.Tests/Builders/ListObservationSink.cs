using System.Collections.Concurrent;
using GpuPool.Operator.Observations;
using GpuPool.Operator.Ports;

namespace GpuPool.Operator.Tests.Builders;

/// <summary>Keeps observations in memory for assertions.</summary>
public sealed class ListObservationSink : IObservationSink
{
    public ConcurrentQueue<NpObservation> Observations { get; } = new();

    public Task AppendAsync(NpObservation observation, CancellationToken cancellationToken)
    {
        Observations.Enqueue(observation);
        return Task.CompletedTask;
    }
}
