namespace GpuPool.Core.Matching;

/// <summary>
/// Blossom structure: each blossom keeps its children in cycle order starting with the child
/// that holds the base, and link i joins child i to child (i + 1) mod count through edge
/// _linkEdges[i], whose end inside child i is _linkFrom[i]. Even links are unmatched, odd links matched.
/// </summary>
internal sealed partial class WeightedBlossomSolver
{
    /// <summary>
    /// Walks up the trees of v and w alternately; returns the base of the first blossom both reach,
    /// or -1 when they lie in different trees (an augmenting path).
    /// </summary>
    private int FindCommonBase(int v, int w)
    {
        _scratch.Clear();
        var found = -1;
        while (v != -1 || w != -1)
        {
            var b = _inBlossom[v];
            if (_label[b] == (Outer | Marked))
            {
                found = _blossomBase[b];
                break;
            }

            _label[b] = Outer | Marked;
            _scratch.Add(b);
            if (_labelEnd[b] == -1)
            {
                v = -1;
            }
            else
            {
                v = _labelEnd[_inBlossom[_labelEnd[b]]];
            }

            if (w != -1)
            {
                (v, w) = (w, v);
            }
        }

        foreach (var b in _scratch)
        {
            _label[b] = Outer;
        }

        return found;
    }

    /// <summary>Contracts the odd cycle closed by outer-outer edge k (v scanned, w its neighbour).</summary>
    private void AddBlossom(int baseVertex, int k, int v, int w)
    {
        var bb = _inBlossom[baseVertex];
        var b = _unusedBlossoms.Pop();
        _blossomBase[b] = baseVertex;
        _blossomParent[b] = -1;
        _blossomParent[bb] = b;
        var childs = new List<int>();
        var linkEdges = new List<int>();
        var linkFrom = new List<int>();

        // 1. From v's side back to the base: collected leaf-to-base, then reversed into cycle order.
        for (var bv = _inBlossom[v]; bv != bb; bv = _inBlossom[_labelEnd[bv]])
        {
            _blossomParent[bv] = b;
            childs.Add(bv);
            linkEdges.Add(_labelEdge[bv]);
            linkFrom.Add(_labelEnd[bv]);
        }

        childs.Add(bb);
        childs.Reverse();
        linkEdges.Reverse();
        linkFrom.Reverse();

        // 2. The closing edge, then w's side from w up to the base.
        linkEdges.Add(k);
        linkFrom.Add(v);
        for (var bw = _inBlossom[w]; bw != bb; bw = _inBlossom[_labelEnd[bw]])
        {
            _blossomParent[bw] = b;
            childs.Add(bw);
            linkEdges.Add(_labelEdge[bw]);
            linkFrom.Add(_graph.OtherEnd(_labelEdge[bw], _labelEnd[bw]));
        }

        (_childs[b], _linkEdges[b], _linkFrom[b]) = (childs, linkEdges, linkFrom);
        _label[b] = Outer;
        _labelEdge[b] = _labelEdge[bb];
        _labelEnd[b] = _labelEnd[bb];
        _dual[b] = 0;

        // 3. Former inner children turn outer, so their vertices must be scanned now.
        _scratch.Clear();
        CollectLeaves(b, _scratch);
        foreach (var leaf in _scratch)
        {
            if (_label[_inBlossom[leaf]] == Inner)
            {
                _queue.Enqueue(leaf);
            }

            _inBlossom[leaf] = b;
        }

        MergeBestEdges(b, childs);
    }

    /// <summary>Keeps, per neighbouring outer blossom, only the least-slack edge leaving the new blossom.</summary>
    private void MergeBestEdges(int b, List<int> childs)
    {
        var touched = new List<int>();
        foreach (var child in childs)
        {
            if (_blossomBestEdges[child] is { } known)
            {
                ConsiderBestEdges(b, known, touched);
            }
            else
            {
                _scratch.Clear();
                CollectLeaves(child, _scratch);
                foreach (var leaf in _scratch)
                {
                    for (var p = _graph.AdjacencyStart[leaf]; p < _graph.AdjacencyStart[leaf + 1]; p++)
                    {
                        ConsiderBestEdge(b, _graph.AdjacentEdge[p], touched);
                    }
                }
            }

            _blossomBestEdges[child] = null;
            _bestEdge[child] = -1;
        }

        var best = new List<int>(touched.Count);
        _bestEdge[b] = -1;
        foreach (var other in touched)
        {
            var k = _bestEdgeTo[other];
            _bestEdgeTo[other] = -1;
            best.Add(k);
            if (_bestEdge[b] == -1 || Slack(k) < Slack(_bestEdge[b]))
            {
                _bestEdge[b] = k;
            }
        }

        _blossomBestEdges[b] = best;
    }

    private void ConsiderBestEdges(int b, List<int> edges, List<int> touched)
    {
        foreach (var k in edges)
        {
            ConsiderBestEdge(b, k, touched);
        }
    }

    private void ConsiderBestEdge(int b, int k, List<int> touched)
    {
        var other = _inBlossom[_graph.EdgeU[k]];
        if (other == b)
        {
            other = _inBlossom[_graph.EdgeV[k]];
        }

        if (other == b || _label[other] != Outer)
        {
            return;
        }

        if (_bestEdgeTo[other] == -1)
        {
            touched.Add(other);
            _bestEdgeTo[other] = k;
        }
        else if (Slack(k) < Slack(_bestEdgeTo[other]))
        {
            _bestEdgeTo[other] = k;
        }
    }
}
