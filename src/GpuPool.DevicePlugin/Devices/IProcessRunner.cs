namespace GpuPool.DevicePlugin.Devices;

/// <summary>Runs an external program to completion; the seam in front of nvidia-smi.</summary>
public interface IProcessRunner
{
    Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
