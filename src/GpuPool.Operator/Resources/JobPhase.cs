namespace GpuPool.Operator.Resources;

/// <summary>Values of status.phase (the CRD's enum).</summary>
public static class JobPhase
{
    public const string Pending = "Pending";
    public const string Scheduled = "Scheduled";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";

    public static bool IsTerminal(string? phase) => phase is Succeeded or Failed;
}
