using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Tests.Builders;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>Specs the schema cannot reject get an Invalid reason naming the field.</summary>
public sealed class JobTranslatorTests
{
    public static TheoryData<string, string?, string?> Cases => new()
    {
        // case, expected reason (null = plannable), text the message must contain
        { "inline kernels", null, null },
        { "profile", null, null },
        { "profile missing", null, "spec.profileRef" },
        { "both sources", ConditionReasons.KernelSourceAmbiguous, "exactly one of profileRef and kernels" },
        { "no source", ConditionReasons.KernelSourceAmbiguous, "exactly one of profileRef and kernels" },
        { "duplicate kernel", ConditionReasons.InvalidKernels, "spec.kernels: kernel id 'k' appears 2 times" },
        { "bad kernel", ConditionReasons.InvalidKernels, "spec.kernels[1]: " },
        { "no containers", ConditionReasons.InvalidTemplate, "spec.template.spec.containers" },
        { "qos out of range", ConditionReasons.InvalidSpec, "qosTarget" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Translation_names_what_is_wrong(string name, string? reason, string? message)
    {
        var job = name switch
        {
            "profile" or "profile missing" => Objects.Job("j", profile: "resnet"),
            "both sources" => Objects.Job("j"),
            "duplicate kernel" => Objects.Job("j", kernels: [Objects.Kernel("k"), Objects.Kernel("k")]),
            "bad kernel" => Objects.Job("j", kernels: [Objects.Kernel("k"), Objects.Kernel("z") with { IsolatedSeconds = 0 }]),
            _ => Objects.Job("j"),
        };
        job.Spec = name switch
        {
            "both sources" => job.Spec with { ProfileRef = "resnet" },
            "no source" => job.Spec with { Kernels = null },
            "no containers" => job.Spec with { Template = new k8s.Models.V1PodTemplateSpec { Spec = new k8s.Models.V1PodSpec { Containers = [] } } },
            "qos out of range" => job.Spec with { QosTarget = 1.5 },
            _ => job.Spec,
        };
        var profile = Objects.Profile("resnet");

        var translation = JobTranslator.Translate(job, n => name == "profile" && n == "resnet" ? profile : null);

        Assert.Equal(reason, translation.InvalidReason);
        Assert.Equal(name == "profile missing", translation.ProfileMissing);
        Assert.Equal(reason is null && name != "profile missing", translation.Job is not null);
        if (message is not null)
        {
            Assert.Contains(message, translation.Message, StringComparison.Ordinal);
        }
    }
}
