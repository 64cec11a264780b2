using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>
/// Reasons to serve and register again: kubelet.sock re-created (the kubelet restarted and forgot
/// every plugin) or SIGHUP from an operator. Triggers arriving together collapse into one.
/// </summary>
public sealed class RestartTriggers : IDisposable
{
    private readonly Channel<string> _reasons = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly FileSystemWatcher _watcher;
    private readonly PosixSignalRegistration? _hangup;

    public RestartTriggers(string kubeletSocketDir)
    {
        Directory.CreateDirectory(kubeletSocketDir);
        _watcher = new FileSystemWatcher(kubeletSocketDir, KubeletApi.KubeletSocketName) { NotifyFilter = NotifyFilters.FileName };
        _watcher.Created += (_, _) => Raise("kubelet.sock re-created");
        _watcher.EnableRaisingEvents = true;
        if (!OperatingSystem.IsWindows())
        {
            _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                Raise("SIGHUP");
            });
        }
    }

    /// <summary>Waits for the next trigger and returns its reason.</summary>
    public async Task<string> WaitAsync(CancellationToken cancellationToken) =>
        await _reasons.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Drops triggers raised while the plugin was (re)starting: that start already covers them.</summary>
    public void Clear()
    {
        while (_reasons.Reader.TryRead(out _))
        {
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _hangup?.Dispose();
    }

    private void Raise(string reason) => _reasons.Writer.TryWrite(reason);
}
