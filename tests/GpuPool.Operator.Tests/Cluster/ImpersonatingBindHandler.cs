namespace GpuPool.Operator.Tests.Cluster;

/// <summary>
/// Sends the bind of one pod as <paramref name="user"/> (the Impersonate-User header the test
/// server's admin may send), a user RBAC grants nothing: the server answers that bind 403
/// Forbidden, as it would an operator whose RoleBinding in that namespace lacks pods/binding.
/// Every other request goes as the admin.
/// </summary>
public sealed class ImpersonatingBindHandler(string namespaceName, string podName, string user) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath == $"/api/v1/namespaces/{namespaceName}/pods/{podName}/binding")
        {
            request.Headers.Add("Impersonate-User", user);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
