namespace GpuPool.Core.Matching;

/// <summary>
/// Primal-dual weighted blossom algorithm (Edmonds, with Galil's O(V^3) bookkeeping of least-slack
/// edges). Ids 0..V-1 are vertices, V..2V-1 are blossoms; a vertex is its own trivial blossom.
/// Each stage grows alternating trees from every free vertex, changing duals until an augmenting
/// path becomes tight or (without the cardinality constraint) a vertex dual reaches zero.
/// Duals use the "doubled" convention: slack(u, v) = y(u) + y(v) - 2 w(u, v), so the dual updates
/// stay exact for weights that are exact binary fractions.
/// </summary>
internal sealed partial class WeightedBlossomSolver
{
    private const int Free = 0;
    private const int Outer = 1;
    private const int Inner = 2;
    private const int Marked = 4;

    private readonly IndexedGraph _graph;
    private readonly double[] _weight;
    private readonly bool _maxCardinality;
    private readonly int _n;

    private readonly int[] _mateEdge;
    private readonly int[] _label;
    private readonly int[] _labelEdge;
    private readonly int[] _labelEnd;
    private readonly int[] _inBlossom;
    private readonly int[] _blossomParent;
    private readonly int[] _blossomBase;
    private readonly List<int>?[] _childs;
    private readonly List<int>?[] _linkEdges;
    private readonly List<int>?[] _linkFrom;
    private readonly int[] _bestEdge;
    private readonly List<int>?[] _blossomBestEdges;
    private readonly Stack<int> _unusedBlossoms;
    private readonly double[] _dual;
    private readonly bool[] _allowEdge;
    private readonly Queue<int> _queue = new();
    private readonly List<int> _scratch = [];
    private readonly int[] _bestEdgeTo;

    private WeightedBlossomSolver(IndexedGraph graph, bool maxCardinality)
    {
        _graph = graph;
        _weight = graph.EdgeWeight!;
        _maxCardinality = maxCardinality;
        _n = graph.VertexCount;
        var size = 2 * _n;
        _mateEdge = Filled(_n, -1);
        _label = new int[size];
        _labelEdge = Filled(size, -1);
        _labelEnd = Filled(size, -1);
        _inBlossom = new int[_n];
        _blossomParent = Filled(size, -1);
        _blossomBase = Filled(size, -1);
        _childs = new List<int>?[size];
        _linkEdges = new List<int>?[size];
        _linkFrom = new List<int>?[size];
        _bestEdge = Filled(size, -1);
        _blossomBestEdges = new List<int>?[size];
        _bestEdgeTo = Filled(size, -1);
        _unusedBlossoms = new Stack<int>(_n);
        for (var b = size - 1; b >= _n; b--)
        {
            _unusedBlossoms.Push(b);
        }

        _dual = new double[size];
        var maxWeight = 0.0;
        foreach (var w in _weight)
        {
            maxWeight = Math.Max(maxWeight, w);
        }

        for (var v = 0; v < _n; v++)
        {
            _inBlossom[v] = v;
            _blossomBase[v] = v;
            _dual[v] = maxWeight;
        }

        _allowEdge = new bool[graph.EdgeCount];
    }

    public static int[] Solve(IndexedGraph graph, bool maxCardinality)
    {
        var solver = new WeightedBlossomSolver(graph, maxCardinality);
        for (var stage = 0; stage < solver._n; stage++)
        {
            if (!solver.RunStage())
            {
                break;
            }
        }

        var mate = Filled(solver._n, -1);
        for (var v = 0; v < solver._n; v++)
        {
            if (solver._mateEdge[v] != -1)
            {
                mate[v] = graph.OtherEnd(solver._mateEdge[v], v);
            }
        }

        return mate;
    }

    private static int[] Filled(int length, int value)
    {
        var array = new int[length];
        Array.Fill(array, value);
        return array;
    }

    private double Slack(int edge) =>
        _dual[_graph.EdgeU[edge]] + _dual[_graph.EdgeV[edge]] - (2 * _weight[edge]);

    private int MateOf(int v) => _mateEdge[v] == -1 ? -1 : _graph.OtherEnd(_mateEdge[v], v);

    private bool IsTopLevelBlossom(int b) => _blossomBase[b] >= 0 && _blossomParent[b] == -1;

    /// <summary>Returns true when the stage augmented the matching; false when it is optimal.</summary>
    private bool RunStage()
    {
        // 1. Forget the previous stage's forest.
        Array.Clear(_label);
        Array.Fill(_bestEdge, -1);
        Array.Clear(_allowEdge);
        for (var b = _n; b < 2 * _n; b++)
        {
            _blossomBestEdges[b] = null;
        }

        _queue.Clear();

        // 2. Every free vertex roots a tree.
        for (var v = 0; v < _n; v++)
        {
            if (_mateEdge[v] == -1 && _label[_inBlossom[v]] == Free)
            {
                AssignLabel(v, Outer, -1, -1);
            }
        }

        // 3. Grow trees over tight edges; when stuck, move duals to make a new edge tight.
        var augmented = false;
        while (true)
        {
            augmented = ScanOuterVertices();
            if (augmented || !ApplyDualChange())
            {
                break;
            }
        }

        // 4. Outer blossoms whose dual reached zero may be dissolved for the next stage.
        if (augmented)
        {
            for (var b = _n; b < 2 * _n; b++)
            {
                if (IsTopLevelBlossom(b) && _label[b] == Outer && _dual[b] == 0)
                {
                    ExpandBlossom(b, endOfStage: true);
                }
            }
        }

        return augmented;
    }

    private bool ScanOuterVertices()
    {
        var start = _graph.AdjacencyStart;
        while (_queue.Count > 0)
        {
            var v = _queue.Dequeue();
            for (var p = start[v]; p < start[v + 1]; p++)
            {
                var k = _graph.AdjacentEdge[p];
                var w = _graph.AdjacentVertex[p];
                if (_inBlossom[v] == _inBlossom[w])
                {
                    continue;
                }

                var slack = 0.0;
                if (!_allowEdge[k])
                {
                    slack = Slack(k);
                    _allowEdge[k] = slack <= 0;
                }

                var bw = _inBlossom[w];
                if (_allowEdge[k])
                {
                    if (_label[bw] == Free)
                    {
                        AssignLabel(w, Inner, k, v);
                    }
                    else if (_label[bw] == Outer)
                    {
                        var commonBase = FindCommonBase(v, w);
                        if (commonBase == -1)
                        {
                            Augment(k);
                            return true;
                        }

                        AddBlossom(commonBase, k, v, w);
                    }
                    else if (_label[w] == Free)
                    {
                        // w sits inside an inner blossom; remember how it was reached in case
                        // that blossom is expanded later in this stage.
                        _label[w] = Inner;
                        _labelEdge[w] = k;
                        _labelEnd[w] = v;
                    }
                }
                else if (_label[bw] == Outer)
                {
                    var bv = _inBlossom[v];
                    if (_bestEdge[bv] == -1 || slack < Slack(_bestEdge[bv]))
                    {
                        _bestEdge[bv] = k;
                    }
                }
                else if (_label[w] == Free && (_bestEdge[w] == -1 || slack < Slack(_bestEdge[w])))
                {
                    _bestEdge[w] = k;
                }
            }
        }

        return false;
    }
}
