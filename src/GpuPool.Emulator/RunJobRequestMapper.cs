using GpuPool.Contracts.Emulator.V1;
using GpuPool.Core.Kernels;
using Grpc.Core;

namespace GpuPool.Emulator;

/// <summary>Validates a client's job request into an <see cref="EmulatedJob"/>; refusals name the field.</summary>
public static class RunJobRequestMapper
{
    public static EmulatedJob ToJob(RunJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(request.Job.Length > 0, "job must not be empty");
        Require(request.GpuUuid.Length > 0, "gpu_uuid must not be empty");
        Require(request.Share > 0 && request.Share <= 1, $"share must be in (0, 1] (got {request.Share})");
        Require(request.Iterations > 0, $"iterations must be positive (got {request.Iterations})");
        Require(request.Kernels.Count > 0, "kernels must not be empty");
        var kernels = request.Kernels.Select(ToProfile).ToList();
        return new EmulatedJob(request.Job, request.Share, kernels, request.Iterations);
    }

    private static KernelProfile ToProfile(Kernel kernel, int position)
    {
        try
        {
            var geometry = new LaunchGeometry(kernel.GridBlocks, kernel.ThreadsPerBlock, kernel.RegistersPerThread, kernel.SharedMemoryPerBlockBytes);
            return new KernelProfile(kernel.Id, geometry, kernel.IsolatedSeconds, kernel.Counters.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
        }
        catch (ArgumentException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"kernels[{position}]: {e.Message}"));
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, message + "."));
        }
    }
}
