using System.Net;
using GpuPool.Operator.Ports;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GpuPool.Operator.Kubernetes;

/// <summary>
/// Every adapter call goes through here with its <see cref="ApiPermission"/> entry and verb: the
/// verb must be in the table (so RBAC and code cannot drift), and HTTP failures become the port's
/// exceptions (409 conflict, 404 not found, 410 expired, 429/5xx/transport transient, any other 4xx refused).
/// </summary>
public static class ApiCall
{
    public static async Task<T> RunAsync<T>(ApiPermission permission, string verb, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(permission);
        ArgumentNullException.ThrowIfNull(call);
        if (!permission.Verbs.Contains(verb))
        {
            throw new InvalidOperationException($"{permission.Describe(verb)} is not in ApiPermissions; add it there (and to the chart's RBAC) first.");
        }

        try
        {
            return await call();
        }
        catch (HttpOperationException e)
        {
            throw Map(permission.Describe(verb), (int)e.Response.StatusCode, e.Response.Content, e);
        }
        catch (HttpRequestException e)
        {
            throw new TransientApiException(0, $"{permission.Describe(verb)}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw new TransientApiException(0, $"{permission.Describe(verb)}: timed out", e);
        }
    }

    public static Exception Map(string what, int statusCode, string? body, Exception? inner)
    {
        var (reason, apiMessage) = StatusOf(body);
        var message = $"{what}: HTTP {statusCode} {(reason.Length == 0 ? apiMessage : $"{reason}: {apiMessage}")}".TrimEnd();
        return statusCode switch
        {
            (int)HttpStatusCode.Conflict => new ApiConflictException(message, inner!),
            (int)HttpStatusCode.NotFound => new ApiNotFoundException(message, inner!),
            (int)HttpStatusCode.Gone => new ResourceExpiredException(message, inner!),
            429 or >= 500 => new TransientApiException(statusCode, message, inner),
            _ => new ApiRefusedException(statusCode, reason, apiMessage, message, inner),
        };
    }

    /// <summary>The Status body's reason and message; a body that is not a Status is the message (cut at 200 characters).</summary>
    private static (string Reason, string Message) StatusOf(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return (string.Empty, string.Empty);
        }

        try
        {
            var status = KubernetesJson.Deserialize<V1Status>(body);
            return (status.Reason ?? string.Empty, status.Message ?? string.Empty);
        }
        catch (System.Text.Json.JsonException)
        {
            return (string.Empty, body.Length > 200 ? body[..200] : body);
        }
    }
}
