namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>Fixed names of the kubelet device-plugin protocol and of this plugin within it.</summary>
public static class KubeletApi
{
    public const string Version = "v1beta1";

    public const string KubeletSocketName = "kubelet.sock";

    public const string PluginSocketName = "gpupool.sock";

    public const string ResourceName = "gpupool.io/gpu";

    public const string Healthy = "Healthy";

    public const string Unhealthy = "Unhealthy";
}
