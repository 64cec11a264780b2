using System.Globalization;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>Fixed names of the kubelet device-plugin protocol and of this plugin within it.</summary>
public static class KubeletApi
{
    public const string Version = "v1beta1";

    public const string KubeletSocketName = "kubelet.sock";

    public const string Healthy = "Healthy";

    public const string Unhealthy = "Unhealthy";

    /// <summary>Each GPU's resource is its own registration, so each has its own socket.</summary>
    public static string PluginSocketName(int gpuIndex) => $"gpupool-gpu-{gpuIndex.ToString(CultureInfo.InvariantCulture)}.sock";
}
