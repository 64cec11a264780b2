using GpuPool.Core.Contracts;
using GpuPool.DevicePlugin.Allocation;

namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>A pending pod annotated as the operator would, with single annotations overridable.</summary>
public sealed class PodBuilder
{
    private readonly Dictionary<string, string> _annotations = new(StringComparer.Ordinal)
    {
        [PodAnnotations.GpuIndex] = "1",
        [PodAnnotations.Partner] = "team-a/job-b",
        [PodAnnotations.SharingMode] = "fine",
        [PodAnnotations.Share] = "0.5",
        [PodAnnotations.MpsActiveThreadPercentage] = "50",
        [PodAnnotations.GpuMemoryMiB] = "4096",
        [PodAnnotations.PredictedNp] = "0.83",
    };

    private string _name = "job-a-gpupool";
    private DateTimeOffset _createdAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public PodBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public PodBuilder CreatedAt(DateTimeOffset createdAt)
    {
        _createdAt = createdAt;
        return this;
    }

    public PodBuilder With(string annotation, string? value)
    {
        if (value is null)
        {
            _annotations.Remove(annotation);
        }
        else
        {
            _annotations[annotation] = value;
        }

        return this;
    }

    public PendingPod Build() => new("team-a", _name, "uid-" + _name + "-" + Guid.NewGuid().ToString("N")[..6], _createdAt, new Dictionary<string, string>(_annotations), GpuRequests: 1);
}
