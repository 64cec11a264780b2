namespace GpuPool.Core.Matching;

/// <summary>Dissolving blossoms and moving a blossom's base when a path augments through it.</summary>
internal sealed partial class WeightedBlossomSolver
{
    private void ExpandBlossom(int b, bool endOfStage)
    {
        var childs = _childs[b]!;

        // 1. Children become top-level; at the end of a stage zero-dual children dissolve too.
        foreach (var child in childs)
        {
            _blossomParent[child] = -1;
            if (child < _n)
            {
                _inBlossom[child] = child;
            }
            else if (endOfStage && _dual[child] == 0)
            {
                ExpandBlossom(child, endOfStage);
            }
            else
            {
                _scratch.Clear();
                CollectLeaves(child, _scratch);
                foreach (var leaf in _scratch)
                {
                    _inBlossom[leaf] = child;
                }
            }
        }

        // 2. An inner blossom dissolved mid-stage must leave a valid alternating tree behind.
        if (!endOfStage && _label[b] == Inner)
        {
            RelabelExpandedInner(b, childs);
        }

        // 3. Recycle the blossom id.
        _label[b] = Free;
        _labelEdge[b] = _labelEnd[b] = -1;
        _childs[b] = _linkEdges[b] = _linkFrom[b] = null;
        _blossomBase[b] = -1;
        _blossomBestEdges[b] = null;
        _bestEdge[b] = -1;
        _unusedBlossoms.Push(b);
    }

    /// <summary>
    /// The tree entered b at one child and left through the base child. The even-length way round
    /// the cycle between them becomes alternating inner/outer children; the other children turn
    /// free unless a tight edge from an outer vertex already reaches them.
    /// </summary>
    private void RelabelExpandedInner(int b, List<int> childs)
    {
        var links = _linkEdges[b]!;
        var linkFrom = _linkFrom[b]!;
        var count = childs.Count;
        var (edge, from) = (_labelEdge[b], _labelEnd[b]);
        var entry = _inBlossom[_graph.OtherEnd(edge, from)];
        var j = childs.IndexOf(entry);
        var step = j % 2 == 1 ? 1 : -1;

        // 1. Alternate inner/outer along the even side, ending at the base child.
        while (j != 0)
        {
            AssignLabel(_graph.OtherEnd(edge, from), Inner, edge, from);
            _allowEdge[edge] = true;
            int link;
            if (step == 1)
            {
                link = j + 1;
                from = linkFrom[link];
            }
            else
            {
                link = j - 2;
                from = _graph.OtherEnd(links[link], linkFrom[link]);
            }

            edge = links[link];
            _allowEdge[edge] = true;
            j = (j + (2 * step) + count) % count;
        }

        // 2. The base child stays inner but its mate outside is outer already: label it directly.
        var baseChild = childs[0];
        var entered = _graph.OtherEnd(edge, from);
        _label[entered] = _label[baseChild] = Inner;
        _labelEdge[entered] = _labelEdge[baseChild] = edge;
        _labelEnd[entered] = _labelEnd[baseChild] = from;
        _bestEdge[baseChild] = -1;

        // 3. The remaining children: inner if some vertex was reached over a tight edge, else free.
        for (j = (count + step) % count; childs[j] != entry; j = (j + step + count) % count)
        {
            var child = childs[j];
            if (_label[child] == Outer)
            {
                continue;
            }

            _scratch.Clear();
            CollectLeaves(child, _scratch);
            var at = _scratch.FindIndex(leaf => _label[leaf] != Free);
            if (at >= 0)
            {
                var reached = _scratch[at];
                AssignLabel(reached, Inner, _labelEdge[reached], _labelEnd[reached]);
            }
        }
    }

    /// <summary>Makes vertex v the base of blossom b by flipping the matched links on the even side.</summary>
    private void AugmentBlossom(int b, int v)
    {
        // 1. Find b's child holding v and move its base to v first.
        var t = v;
        while (_blossomParent[t] != b)
        {
            t = _blossomParent[t];
        }

        if (t >= _n)
        {
            AugmentBlossom(t, v);
        }

        var childs = _childs[b]!;
        var links = _linkEdges[b]!;
        var linkFrom = _linkFrom[b]!;
        var count = childs.Count;
        var i = childs.IndexOf(t);

        // 2. Links that were unmatched on the even path from t to the base become matched.
        var (first, step) = i % 2 == 1 ? (i + 1, 2) : (i - 2, -2);
        for (var x = first; x >= 0 && x < count; x += step)
        {
            var k = links[x];
            var a = linkFrom[x];
            var c = _graph.OtherEnd(k, a);
            if (childs[x] >= _n)
            {
                AugmentBlossom(childs[x], a);
            }

            var next = childs[(x + 1) % count];
            if (next >= _n)
            {
                AugmentBlossom(next, c);
            }

            _mateEdge[a] = _mateEdge[c] = k;
        }

        // 3. Rotate so t's child is first again and record the new base.
        Rotate(childs, i);
        Rotate(links, i);
        Rotate(linkFrom, i);
        _blossomBase[b] = v;
    }

    private static void Rotate(List<int> list, int by)
    {
        if (by == 0)
        {
            return;
        }

        var head = list.GetRange(0, by);
        list.RemoveRange(0, by);
        list.AddRange(head);
    }
}
