using GpuPool.Operator.Watching;
using k8s.Models;

namespace GpuPool.Operator.Tests.Watching;

/// <summary>The operator's own writes go into the cache unless the watch already brought a newer version.</summary>
public sealed class ResourceStoreTests
{
    public static TheoryData<string?, string, string, bool> UpsertCases => new()
    {
        // cached version (null: not cached), written version, version kept, whether readers are told
        { null, "5", "5", true },
        { "5", "7", "7", true },
        { "5", "5", "5", true },
        { "7", "5", "7", false },
    };

    [Theory]
    [MemberData(nameof(UpsertCases))]
    public void An_own_write_never_replaces_a_newer_cached_version(string? cached, string written, string kept, bool changed)
    {
        var store = new ResourceStore<V1Node>();
        if (cached is not null)
        {
            store.Replace(null, [Node(cached)]);
        }

        var told = false;
        store.Changed += (_, _) => told = true;

        store.Upsert(Node(written));

        Assert.Equal(kept, store.Get("node-1")?.Metadata.ResourceVersion);
        Assert.Equal(changed, told);
    }

    private static V1Node Node(string version) => new() { Metadata = new V1ObjectMeta { Name = "node-1", ResourceVersion = version } };
}
