namespace GpuPool.Cli.Commands;

/// <summary>One measured window: wall time per step (ms), peak managed heap (MiB), graph and plan size.</summary>
internal sealed record WindowMeasurement(
    int Jobs, int Gpus, double PredictMs, double MatchMs, double PlaceMs, double TotalMs, double PeakMemMiB, int Edges, int Pairs, double PredictedStp);
