using System.Globalization;
using System.Text.RegularExpressions;
using GpuPool.Core.Contracts;
using GpuPool.DevicePlugin.Devices;
using Grpc.Core;

namespace GpuPool.DevicePlugin.Allocation;

/// <summary>
/// Turns a pod's annotations into a <see cref="GpuAllocation"/>, checking each one, or refuses with a
/// gRPC status naming the pod and the annotation: InvalidArgument for a malformed value,
/// FailedPrecondition for a well-formed value this node cannot honour.
/// </summary>
public static partial class PodAllocationValidator
{
    private static readonly string[] SharingModes = ["exclusive", "fine", "partitioned"];

    public static GpuAllocation Validate(PendingPod pod, IReadOnlyList<GpuDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(devices);

        // 1. The GPU: an index this node has, healthy, and the UUID the operator saw if it wrote one.
        var index = ParseInt(pod, PodAnnotations.GpuIndex, min: 0, max: int.MaxValue);
        var gpu = devices.FirstOrDefault(d => d.Index == index)
            ?? throw Refuse(StatusCode.FailedPrecondition, pod, PodAnnotations.GpuIndex, $"GPU {index} is not on this node (it has {devices.Count})");
        if (!gpu.Healthy)
        {
            throw Refuse(StatusCode.FailedPrecondition, pod, PodAnnotations.GpuIndex, $"GPU {index} ({gpu.Uuid}) is unhealthy");
        }

        if (pod.Annotations.TryGetValue(PodAnnotations.GpuUuid, out var uuid) && uuid.Length > 0 && uuid != gpu.Uuid)
        {
            throw Refuse(StatusCode.FailedPrecondition, pod, PodAnnotations.GpuUuid, $"'{uuid}' is not GPU {index} of this node ({gpu.Uuid})");
        }

        // 2. The setting: mode, share, MPS percentage and memory, each in range.
        var mode = Required(pod, PodAnnotations.SharingMode);
        if (!SharingModes.Contains(mode, StringComparer.Ordinal))
        {
            throw Refuse(StatusCode.InvalidArgument, pod, PodAnnotations.SharingMode, $"'{mode}' is not one of {string.Join(", ", SharingModes)}");
        }

        var share = ParseDouble(pod, PodAnnotations.Share);
        if (!(share > 0 && share <= 1))
        {
            throw Refuse(StatusCode.InvalidArgument, pod, PodAnnotations.Share, $"{share.ToString(CultureInfo.InvariantCulture)} is not in (0, 1]");
        }

        var percentage = ParseInt(pod, PodAnnotations.MpsActiveThreadPercentage, min: 1, max: 100);
        var memory = ParseLong(pod, PodAnnotations.GpuMemoryMiB, max: gpu.MemoryMiB);

        // 3. The informational ones: still checked, since they reach the environment too.
        var partner = pod.Annotations.GetValueOrDefault(PodAnnotations.Partner, "");
        if (partner.Length > 0 && !PartnerPattern().IsMatch(partner))
        {
            throw Refuse(StatusCode.InvalidArgument, pod, PodAnnotations.Partner, $"'{partner}' is not '<namespace>/<name>'");
        }

        var predicted = pod.Annotations.GetValueOrDefault(PodAnnotations.PredictedNp, "");
        double? predictedNp = predicted.Length == 0 ? null : ParseDouble(pod, PodAnnotations.PredictedNp);
        if (predictedNp is { } np && !(np > 0 && np <= 2))
        {
            throw Refuse(StatusCode.InvalidArgument, pod, PodAnnotations.PredictedNp, $"{predicted} is not in (0, 2]");
        }

        return new GpuAllocation(pod, gpu, mode, share, percentage, memory, partner, predictedNp);
    }

    private static string Required(PendingPod pod, string annotation) =>
        pod.Annotations.TryGetValue(annotation, out var value) && value.Length > 0
            ? value
            : throw Refuse(StatusCode.InvalidArgument, pod, annotation, "is missing");

    private static int ParseInt(PendingPod pod, string annotation, int min, int max)
    {
        var text = Required(pod, annotation);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Refuse(StatusCode.InvalidArgument, pod, annotation, $"'{text}' is not an integer in {min}..{max}");
    }

    private static long ParseLong(PendingPod pod, string annotation, long max)
    {
        var text = Required(pod, annotation);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max
            ? value
            : throw Refuse(StatusCode.InvalidArgument, pod, annotation, $"'{text}' is not an integer in 0..{max}");
    }

    private static double ParseDouble(PendingPod pod, string annotation)
    {
        var text = Required(pod, annotation);
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Refuse(StatusCode.InvalidArgument, pod, annotation, $"'{text}' is not a decimal number");
    }

    private static RpcException Refuse(StatusCode code, PendingPod pod, string annotation, string problem) =>
        new(new Status(code, $"pod {pod}: annotation {annotation} {problem}."));

    // A namespace and a name, each a DNS-1123 label or subdomain.
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?/[a-z0-9]([-.a-z0-9]{0,251}[a-z0-9])?$")]
    private static partial Regex PartnerPattern();
}
