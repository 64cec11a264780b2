namespace GpuPool.Emulator;

/// <summary>
/// A snapshot of one job at one moment, in simulated seconds since the job joined. For
/// <see cref="EmulatorNoticeKind.Finished"/>, <see cref="ElapsedSeconds"/> is the shared duration.
/// </summary>
public sealed record EmulatorNotice(
    EmulatedJob Job,
    EmulatorNoticeKind Kind,
    int IterationsDone,
    double ElapsedSeconds,
    double Rate,
    string CoRunner,
    string Message = "");
