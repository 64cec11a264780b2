namespace GpuPool.Operator.Tests.Fakes;

/// <summary>The in-memory cluster's resourceVersion counter (one for every kind, as etcd's); also its lock.</summary>
public sealed class FakeClock
{
    public long Current { get; private set; }

    public long Next() => ++Current;
}
