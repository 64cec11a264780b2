namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>Whether the kubelet currently knows this plugin; read by the health check.</summary>
public sealed class RegistrationState
{
    private int _registrations;
    private volatile bool _registered;

    public bool IsRegistered => _registered;

    /// <summary>Successful registrations since start (re-registrations included).</summary>
    public int Registrations => Volatile.Read(ref _registrations);

    public void Registered()
    {
        Interlocked.Increment(ref _registrations);
        _registered = true;
    }

    public void Lost() => _registered = false;
}
