using GpuPool.Architecture.Tests.Support;
using NetArchTest.Rules;

namespace GpuPool.Architecture.Tests;

/// <summary>
/// The arrows as the compiled types use them: a type may reach a namespace through a project it is
/// allowed to reference (the device plugin sees Prediction through the operator and Simulation through
/// the emulator), and must still not use it.
/// </summary>
public sealed class TypeDependencyTests
{
    private static readonly string[] OtherGpuPool = ["GpuPool.Simulation", "GpuPool.Prediction", "GpuPool.Emulator", "GpuPool.Operator", "GpuPool.DevicePlugin", "GpuPool.Cli"];

    // project, namespaces its types must not use
    public static TheoryData<string, string[]> ForbiddenNamespaces => new()
    {
        { "Core", ["k8s", "Microsoft.ML", "Grpc", "Google.Protobuf", "GpuPool.Contracts", .. OtherGpuPool] },
        { "Contracts", ["k8s", "Microsoft.ML", "GpuPool.Core", .. OtherGpuPool] },
        { "Simulation", ["k8s", "Grpc", "GpuPool.Emulator", "GpuPool.Cli"] },
        { "Prediction", ["k8s", "Grpc", "GpuPool.Emulator", "GpuPool.Cli"] },
        { "Emulator", ["k8s", "Microsoft.ML", "Microsoft.AspNetCore", "GpuPool.Prediction", "GpuPool.Operator", "GpuPool.DevicePlugin", "GpuPool.Cli"] },
        { "Operator", ["Grpc", "GpuPool.Simulation", "GpuPool.Emulator", "GpuPool.DevicePlugin", "GpuPool.Cli"] },
        { "DevicePlugin", ["Microsoft.ML", "GpuPool.Simulation", "GpuPool.Prediction", "GpuPool.Cli"] },
    };

    // project, a namespace its types do use: the check above would pass on an assembly it cannot read
    public static TheoryData<string, string> KnownArrows => new()
    {
        { "Core", "QuikGraph" },
        { "Operator", "k8s" },
        { "Operator", "GpuPool.Contracts" },
        { "DevicePlugin", "GpuPool.Operator" },
        { "DevicePlugin", "GpuPool.Emulator" },
        { "Emulator", "GpuPool.Simulation.Timeline" },
        { "Cli", "GpuPool.Contracts.Emulator" },
    };

    [Theory]
    [MemberData(nameof(KnownArrows))]
    public void The_check_sees_the_arrows_that_are_there(string project, string used)
    {
        Assert.NotEmpty(TypesOf(project).That().HaveDependencyOn(used).GetTypes());
    }

    [Theory]
    [MemberData(nameof(ForbiddenNamespaces))]
    public void A_project_uses_no_type_it_must_not(string project, string[] forbidden)
    {
        var result = TypesOf(project).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{project} types that use one of [{string.Join(", ", forbidden)}]: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private static Types TypesOf(string project) =>
        Types.FromFile(Path.Combine(AppContext.BaseDirectory, ProjectFile.All[project].AssemblyName + ".dll"));
}
