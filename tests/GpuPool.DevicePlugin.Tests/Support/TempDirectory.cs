namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>A short-named temporary directory (unix socket paths are limited to 107 bytes).</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string KubeletDir => System.IO.Path.Combine(Path, "kubelet");

    public string KubeletSocket => System.IO.Path.Combine(KubeletDir, "kubelet.sock");

    public string PluginSocket(int gpuIndex) => System.IO.Path.Combine(KubeletDir, $"gpupool-gpu-{gpuIndex}.sock");

    public string EmulatorSocket => System.IO.Path.Combine(Path, "run", "emulator.sock");

    public string MpsDirectory => System.IO.Path.Combine(Path, "mps");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A socket still held by a stopping server; the OS temp cleaner takes it.
        }
    }
}
