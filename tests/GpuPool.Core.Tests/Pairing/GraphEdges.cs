using GpuPool.Core.Pairing;

namespace GpuPool.Core.Tests.Pairing;

/// <summary>A pairing graph's edges in insertion order, as comparable values.</summary>
internal static class GraphEdges
{
    public static List<(int I, int J, string A, string B, double ShareA, double NpA, double NpB)> Of(PairingGraph graph) =>
        graph.Graph.Edges
            .Select(e => (e.Source, e.Target, e.Tag.A.Id, e.Tag.B.Id, e.Tag.Outcome.Setting.ShareA, e.Tag.Outcome.NpA, e.Tag.Outcome.NpB))
            .ToList();
}
