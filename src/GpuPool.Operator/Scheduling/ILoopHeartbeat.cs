namespace GpuPool.Operator.Scheduling;

/// <summary>What liveness reads of the scheduling loop.</summary>
public interface ILoopHeartbeat
{
    /// <summary>True while the loop runs (only on the leader).</summary>
    bool Running { get; }

    /// <summary>When the loop last came round to wait for its next window; null before the first.</summary>
    DateTimeOffset? LastBeat { get; }

    TimeSpan Period { get; }
}
