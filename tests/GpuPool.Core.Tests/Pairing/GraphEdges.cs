using GpuPool.Core.Pairing;

namespace GpuPool.Core.Tests.Pairing;

/// <summary>A pairing graph's edges in insertion order, as comparable values.</summary>
internal static class GraphEdges
{
    public static List<(int I, int J, string A, string B, double ShareA, double NpA, double NpB)> Of(PairingGraph graph) =>
        graph.Graph.Edges
            .Select(e => (e.Source, e.Target, graph.Vertices[e.Source].Job.Id, graph.Vertices[e.Target].Job.Id, e.Tag.Setting.ShareA, e.Tag.NpA, e.Tag.NpB))
            .ToList();
}
