using GpuPool.DevicePlugin.Tests.Support;
using GpuPool.Operator.Kubernetes;

namespace GpuPool.DevicePlugin.Tests.Kubernetes;

/// <summary>Outside a cluster the plugin finds the API server as kubectl and the operator do.</summary>
public sealed class ClusterConfigurationTests
{
    public static TheoryData<string, string> Kubeconfigs => new()
    {
        // server in the file KUBECONFIG names, the host the client gets
        { "https://kubeconfig-from-env.example:6443", "https://kubeconfig-from-env.example:6443/" },
        { "https://10.0.0.7:16443", "https://10.0.0.7:16443/" },
    };

    [Theory]
    [MemberData(nameof(Kubeconfigs))]
    public void The_file_named_by_KUBECONFIG_is_used(string server, string host)
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "config");
        File.WriteAllText(path, Kubeconfig(server));

        var configuration = ClusterConfiguration.Load(name => name == "KUBECONFIG" ? path : null);

        Assert.Equal(host, new Uri(configuration.Host).ToString());
    }

    private static string Kubeconfig(string server) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: {server}
            insecure-skip-tls-verify: true
        users:
        - name: u
          user:
            token: t
        contexts:
        - name: x
          context:
            cluster: c
            user: u
        current-context: x
        """;
}
