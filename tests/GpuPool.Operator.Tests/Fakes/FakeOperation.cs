namespace GpuPool.Operator.Tests.Fakes;

/// <summary>The writes a fault can be injected into.</summary>
public enum FakeOperation
{
    CreatePod,
    BindPod,
    PatchStatus,
    DeletePod,
    CreateEvent,
}
