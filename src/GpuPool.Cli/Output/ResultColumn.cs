using GpuPool.Simulation.Cluster;

namespace GpuPool.Cli.Output;

/// <summary>One column of the comparison: its JSON name, table header and format, and how it is read from a result of one seed.</summary>
public sealed record ResultColumn(string JsonName, string Header, string Format, Func<PolicyResult, IReadOnlyList<PolicyResult>, double> Value);
