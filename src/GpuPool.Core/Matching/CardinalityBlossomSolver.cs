namespace GpuPool.Core.Matching;

/// <summary>
/// Edmonds' blossom algorithm for maximum cardinality: a greedy start, then one alternating-tree
/// search per free vertex. Blossoms are contracted implicitly through a base array instead of
/// building new graphs, so each search costs O(V + E) plus O(V) per contraction.
/// A vertex whose search fails can never be matched later, so each vertex is searched once.
/// </summary>
internal sealed class CardinalityBlossomSolver
{
    private readonly IndexedGraph _graph;
    private readonly int[] _mate;
    private readonly int[] _parent;
    private readonly int[] _base;
    private readonly bool[] _inTree;
    private readonly bool[] _inBlossom;
    private readonly bool[] _onPath;
    private readonly int[] _queue;
    private int _head;
    private int _tail;

    private CardinalityBlossomSolver(IndexedGraph graph)
    {
        _graph = graph;
        var n = graph.VertexCount;
        _mate = new int[n];
        _parent = new int[n];
        _base = new int[n];
        _inTree = new bool[n];
        _inBlossom = new bool[n];
        _onPath = new bool[n];
        _queue = new int[n];
        Array.Fill(_mate, -1);
    }

    public static int[] Solve(IndexedGraph graph)
    {
        var solver = new CardinalityBlossomSolver(graph);
        solver.MatchGreedily();
        for (var root = 0; root < graph.VertexCount; root++)
        {
            if (solver._mate[root] == -1)
            {
                var end = solver.FindAugmentingPathEnd(root);
                if (end != -1)
                {
                    solver.Augment(end);
                }
            }
        }

        return solver._mate;
    }

    // Low-degree vertices first: they have the fewest chances to be matched later.
    private void MatchGreedily()
    {
        var start = _graph.AdjacencyStart;
        var order = new int[_graph.VertexCount];
        var degree = new int[order.Length];
        for (var v = 0; v < order.Length; v++)
        {
            order[v] = v;
            degree[v] = start[v + 1] - start[v];
        }

        Array.Sort(degree, order);
        foreach (var v in order)
        {
            if (_mate[v] != -1)
            {
                continue;
            }

            for (var p = start[v]; p < start[v + 1]; p++)
            {
                var w = _graph.AdjacentVertex[p];
                if (_mate[w] == -1)
                {
                    _mate[v] = w;
                    _mate[w] = v;
                    break;
                }
            }
        }
    }

    private int FindAugmentingPathEnd(int root)
    {
        var n = _graph.VertexCount;
        Array.Fill(_parent, -1);
        Array.Clear(_inTree);
        for (var i = 0; i < n; i++)
        {
            _base[i] = i;
        }

        _inTree[root] = true;
        _head = _tail = 0;
        _queue[_tail++] = root;
        var start = _graph.AdjacencyStart;
        while (_head < _tail)
        {
            var v = _queue[_head++];
            for (var p = start[v]; p < start[v + 1]; p++)
            {
                var to = _graph.AdjacentVertex[p];
                if (_base[v] == _base[to] || _mate[v] == to)
                {
                    continue;
                }

                // `to` is an outer vertex of the tree: the edge closes an odd cycle.
                if (to == root || (_mate[to] != -1 && _parent[_mate[to]] != -1))
                {
                    ContractBlossom(v, to);
                }
                else if (_parent[to] == -1)
                {
                    _parent[to] = v;
                    if (_mate[to] == -1)
                    {
                        return to;
                    }

                    var next = _mate[to];
                    _inTree[next] = true;
                    _queue[_tail++] = next;
                }
            }
        }

        return -1;
    }

    private void ContractBlossom(int v, int to)
    {
        var n = _graph.VertexCount;
        var common = CommonBase(v, to);
        Array.Clear(_inBlossom);
        MarkBlossomPath(v, common, to);
        MarkBlossomPath(to, common, v);
        for (var i = 0; i < n; i++)
        {
            if (_inBlossom[_base[i]])
            {
                _base[i] = common;
                if (!_inTree[i])
                {
                    _inTree[i] = true;
                    _queue[_tail++] = i;
                }
            }
        }
    }

    private int CommonBase(int a, int b)
    {
        Array.Clear(_onPath);
        while (true)
        {
            a = _base[a];
            _onPath[a] = true;
            if (_mate[a] == -1)
            {
                break;
            }

            a = _parent[_mate[a]];
        }

        while (true)
        {
            b = _base[b];
            if (_onPath[b])
            {
                return b;
            }

            b = _parent[_mate[b]];
        }
    }

    // Walks from v to the blossom base, re-pointing parents so paths through the blossom
    // can later be followed in either direction around the cycle.
    private void MarkBlossomPath(int v, int common, int child)
    {
        while (_base[v] != common)
        {
            _inBlossom[_base[v]] = true;
            _inBlossom[_base[_mate[v]]] = true;
            _parent[v] = child;
            child = _mate[v];
            v = _parent[_mate[v]];
        }
    }

    private void Augment(int end)
    {
        var v = end;
        while (v != -1)
        {
            var pv = _parent[v];
            var next = _mate[pv];
            _mate[v] = pv;
            _mate[pv] = v;
            v = next;
        }
    }
}
