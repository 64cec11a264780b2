using GpuPool.Contracts;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Tests.Builders;
using k8s.Models;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>A pair is written as a decision; a job whose partner never ran beside it ends saying it ran alone.</summary>
public sealed class PartnerOverlapTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // A pod of job NAME on GPU gpu of node-1 whose container ran from second start to end (null: still running, no start: never ran).
    private static V1Pod Pod(string name, int? start, int? end, int gpu = 0, string partner = "", string phase = "Succeeded") => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = GpuPoolApi.PodName(name),
            NamespaceProperty = Objects.Namespace,
            Labels = new Dictionary<string, string> { [GpuPoolApi.JobNameLabel] = name },
            Annotations = new Dictionary<string, string> { [PodAnnotations.GpuIndex] = gpu.ToString(System.Globalization.CultureInfo.InvariantCulture), [PodAnnotations.Partner] = partner, [PodAnnotations.Setting] = "share 0.75/0.25" },
        },
        Spec = new V1PodSpec { NodeName = "node-1" },
        Status = new V1PodStatus
        {
            Phase = phase,
            ContainerStatuses = start is null ? [] :
            [
                new V1ContainerStatus
                {
                    Name = "main",
                    State = end is null
                        ? new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = T0.AddSeconds(start.Value) } }
                        : new V1ContainerState { Terminated = new V1ContainerStateTerminated { StartedAt = T0.AddSeconds(start.Value), FinishedAt = T0.AddSeconds(end.Value), ExitCode = 0 } },
                },
            ],
        },
    };

    public static TheoryData<string, V1Pod[], bool> Partners => new()
    {
        { "ran together", [Pod("b", 0, 50)], true },
        { "joined while it ran", [Pod("b", 90, 150)], true },
        { "still running beside it", [Pod("b", 10, null, phase: "Running")], true },
        { "refused, never ran", [Pod("b", null, null, phase: "Failed")], false },
        { "placed again after it ended", [Pod("b", null, null, phase: "Failed"), Pod("b", 120, 200)], false },
        { "ran at the same time on another GPU", [Pod("b", 0, 50, gpu: 1)], false },
        { "no pod at all", [], false },
        { "another job on the GPU", [Pod("c", 0, 50)], false },
    };

    [Theory]
    [MemberData(nameof(Partners))]
    public void A_partner_ran_beside_a_job_only_if_one_of_its_pods_ran_on_that_gpu_while_the_job_ran(string name, V1Pod[] partnerPods, bool ranBeside)
    {
        var own = Pod("a", 0, 100, partner: "team-a/b");

        Assert.True(ranBeside == PartnerOverlap.RanBeside(own, "team-a/b", partnerPods), name);
    }

    [Fact]
    public void A_job_whose_partner_never_joined_ends_alone_and_stays_so()
    {
        var job = Objects.Job("a");
        var own = Pod("a", 0, 100, partner: "team-a/b");
        var running = StatusProjector.Project(job, Pod("a", 0, null, partner: "team-a/b", phase: "Running"), 10, T0, _ => false);
        Assert.Equal("team-a/b", running.Partner);

        job.Status = StatusProjector.Project(job, own, 10, T0.AddSeconds(100), _ => false);
        Assert.Null(job.Status.Partner);
        Assert.Equal(ConditionReasons.Alone, job.Status.Condition(ConditionTypes.Scheduled)!.Reason);
        Assert.Contains("never ran beside it", job.Status.Condition(ConditionTypes.Scheduled)!.Message, StringComparison.Ordinal);

        // Once ended, the answer given then stands: the question is not asked again.
        var later = StatusProjector.Project(job, own, 10, T0.AddSeconds(200), _ => throw new InvalidOperationException("asked again"));
        Assert.False(StatusProjector.Differs(job.Status, later));
    }

    [Fact]
    public void A_job_whose_partner_ran_beside_it_keeps_naming_it_when_it_ends()
    {
        var status = StatusProjector.Project(Objects.Job("a"), Pod("a", 0, 100, partner: "team-a/b"), 10, T0.AddSeconds(100), _ => true);

        Assert.Equal("team-a/b", status.Partner);
        Assert.Equal(ConditionReasons.Paired, status.Condition(ConditionTypes.Scheduled)!.Reason);
    }
}
