namespace GpuPool.Operator.Fitting;

/// <summary>Why a job's pod would be refused on a node: the Scheduled=False reason and its message.</summary>
public sealed record NodeMisfit(string Node, string Reason, string Message);
