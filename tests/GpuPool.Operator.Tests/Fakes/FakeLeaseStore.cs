using k8s.LeaderElection;

namespace GpuPool.Operator.Tests.Fakes;

/// <summary>The one Lease record every replica's <see cref="FakeLeaseLock"/> shares.</summary>
public sealed class FakeLeaseStore
{
    public LeaderElectionRecord? Record { get; set; }
}
