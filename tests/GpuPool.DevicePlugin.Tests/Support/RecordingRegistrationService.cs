using System.Threading.Channels;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using Grpc.Core;

namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>The kubelet's Registration service as a test double: records every request.</summary>
public sealed class RecordingRegistrationService : Registration.RegistrationBase
{
    public Channel<RegisterRequest> Requests { get; } = Channel.CreateUnbounded<RegisterRequest>();

    public override Task<Empty> Register(RegisterRequest request, ServerCallContext context)
    {
        Requests.Writer.TryWrite(request);
        return Task.FromResult(new Empty());
    }
}
