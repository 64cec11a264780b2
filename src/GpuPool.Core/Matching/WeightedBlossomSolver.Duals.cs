namespace GpuPool.Core.Matching;

/// <summary>Labelling, dual adjustment and augmentation along tree paths.</summary>
internal sealed partial class WeightedBlossomSolver
{
    /// <summary>
    /// Labels the top-level blossom of w. An inner blossom's base is matched, so its mate's
    /// blossom becomes outer at once; outer vertices go on the scan queue.
    /// </summary>
    private void AssignLabel(int w, int label, int edge, int from)
    {
        var b = _inBlossom[w];
        _label[w] = _label[b] = label;
        _labelEdge[w] = _labelEdge[b] = edge;
        _labelEnd[w] = _labelEnd[b] = from;
        _bestEdge[w] = _bestEdge[b] = -1;
        if (label == Outer)
        {
            _scratch.Clear();
            CollectLeaves(b, _scratch);
            foreach (var v in _scratch)
            {
                _queue.Enqueue(v);
            }
        }
        else
        {
            var baseVertex = _blossomBase[b];
            AssignLabel(MateOf(baseVertex), Outer, _mateEdge[baseVertex], baseVertex);
        }
    }

    private void CollectLeaves(int b, List<int> leaves)
    {
        if (b < _n)
        {
            leaves.Add(b);
            return;
        }

        foreach (var child in _childs[b]!)
        {
            CollectLeaves(child, leaves);
        }
    }

    /// <summary>
    /// Picks the smallest dual change that creates a tight edge, dissolves an inner blossom, or
    /// (without the cardinality constraint) zeroes a vertex dual. Returns false when the matching is optimal.
    /// </summary>
    private bool ApplyDualChange()
    {
        // 1. Type 1: a vertex dual reaching zero ends the algorithm.
        var deltaType = -1;
        var delta = 0.0;
        var deltaEdge = -1;
        var deltaBlossom = -1;
        var minVertexDual = double.PositiveInfinity;
        for (var v = 0; v < _n; v++)
        {
            minVertexDual = Math.Min(minVertexDual, _dual[v]);
        }

        if (!_maxCardinality)
        {
            deltaType = 1;
            delta = minVertexDual;
        }

        // 2. Type 2: an edge from an outer vertex to a free vertex becomes tight.
        for (var v = 0; v < _n; v++)
        {
            if (_label[_inBlossom[v]] == Free && _bestEdge[v] != -1)
            {
                var d = Slack(_bestEdge[v]);
                if (deltaType == -1 || d < delta)
                {
                    (delta, deltaType, deltaEdge) = (d, 2, _bestEdge[v]);
                }
            }
        }

        // 3. Type 3: an edge between two outer blossoms becomes tight (both ends move).
        // 4. Type 4: an inner blossom's dual reaches zero and it must be expanded.
        for (var b = 0; b < 2 * _n; b++)
        {
            if (!IsTopLevelBlossom(b))
            {
                continue;
            }

            if (_label[b] == Outer && _bestEdge[b] != -1)
            {
                var d = Slack(_bestEdge[b]) / 2;
                if (deltaType == -1 || d < delta)
                {
                    (delta, deltaType, deltaEdge) = (d, 3, _bestEdge[b]);
                }
            }
            else if (b >= _n && _label[b] == Inner && (deltaType == -1 || _dual[b] < delta))
            {
                (delta, deltaType, deltaBlossom) = (_dual[b], 4, b);
            }
        }

        if (deltaType == -1)
        {
            // Only reachable under the cardinality constraint: no further augmentation exists.
            (deltaType, delta) = (1, Math.Max(0, minVertexDual));
        }

        // 5. Move the duals.
        for (var v = 0; v < _n; v++)
        {
            var label = _label[_inBlossom[v]];
            _dual[v] += label == Outer ? -delta : label == Inner ? delta : 0;
        }

        for (var b = _n; b < 2 * _n; b++)
        {
            if (IsTopLevelBlossom(b))
            {
                _dual[b] += _label[b] == Outer ? delta : _label[b] == Inner ? -delta : 0;
            }
        }

        // 6. Act on the event that limited the change.
        switch (deltaType)
        {
            case 1:
                return false;
            case 2:
            case 3:
                _allowEdge[deltaEdge] = true;
                var (i, j) = (_graph.EdgeU[deltaEdge], _graph.EdgeV[deltaEdge]);
                _queue.Enqueue(_label[_inBlossom[i]] == Outer ? i : j);
                return true;
            default:
                ExpandBlossom(deltaBlossom, endOfStage: false);
                return true;
        }
    }

    /// <summary>Flips the matching along the augmenting path through outer-outer edge k.</summary>
    private void Augment(int k)
    {
        foreach (var (first, edgeToFirst) in new[] { (_graph.EdgeU[k], k), (_graph.EdgeV[k], k) })
        {
            var (s, edge) = (first, edgeToFirst);
            while (true)
            {
                var bs = _inBlossom[s];
                if (bs >= _n)
                {
                    AugmentBlossom(bs, s);
                }

                _mateEdge[s] = edge;
                if (_labelEnd[bs] == -1)
                {
                    break;
                }

                var bt = _inBlossom[_labelEnd[bs]];
                s = _labelEnd[bt];
                var j = _graph.OtherEnd(_labelEdge[bt], s);
                if (bt >= _n)
                {
                    AugmentBlossom(bt, j);
                }

                edge = _labelEdge[bt];
                _mateEdge[j] = edge;
            }
        }
    }
}
