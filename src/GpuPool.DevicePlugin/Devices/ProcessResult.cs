namespace GpuPool.DevicePlugin.Devices;

/// <summary>Exit code and captured output of one finished process.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
