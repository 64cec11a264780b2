using System.Net;
using k8s.Autorest;
using k8s.LeaderElection;

namespace GpuPool.Operator.Tests.Fakes;

/// <summary>An in-memory Lease with the API's answers: 404 before it exists, create fails when it does.</summary>
public sealed class FakeLeaseLock(FakeLeaseStore store, string identity) : ILock
{
    public string Identity => identity;

    public Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default)
    {
        lock (store)
        {
            if (store.Record is null)
            {
                using var response = new HttpResponseMessage(HttpStatusCode.NotFound);
                throw new HttpOperationException("lease not found") { Response = new HttpResponseMessageWrapper(response, string.Empty) };
            }

            return Task.FromResult(Copy(store.Record));
        }
    }

    public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
    {
        lock (store)
        {
            if (store.Record is not null)
            {
                return Task.FromResult(false);
            }

            store.Record = Copy(record);
            return Task.FromResult(true);
        }
    }

    public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
    {
        lock (store)
        {
            store.Record = Copy(record);
            return Task.FromResult(true);
        }
    }

    public string Describe() => "fake lease";

    private static LeaderElectionRecord Copy(LeaderElectionRecord record) => new()
    {
        HolderIdentity = record.HolderIdentity,
        LeaseDurationSeconds = record.LeaseDurationSeconds,
        AcquireTime = record.AcquireTime,
        RenewTime = record.RenewTime,
        LeaderTransitions = record.LeaderTransitions,
    };
}
