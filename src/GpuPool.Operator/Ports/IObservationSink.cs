using GpuPool.Operator.Observations;

namespace GpuPool.Operator.Ports;

/// <summary>Where finished jobs' predicted-versus-measured NP go for retraining.</summary>
public interface IObservationSink
{
    Task AppendAsync(NpObservation observation, CancellationToken cancellationToken);
}
