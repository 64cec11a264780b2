using GpuPool.Architecture.Tests.Support;

namespace GpuPool.Architecture.Tests;

/// <summary>The arrows between projects as the csproj files declare them, against the rules and the documented table.</summary>
public sealed class ProjectReferenceTests
{
    // project, projects it must not reference
    public static TheoryData<string, string[]> ForbiddenArrows => new()
    {
        { "Core", ["Contracts", "Simulation", "Prediction", "Emulator", "Operator", "DevicePlugin", "Cli"] },
        { "Contracts", ["Core", "Simulation", "Prediction", "Emulator", "Operator", "DevicePlugin", "Cli"] },
        { "Simulation", ["Emulator", "Cli"] },
        { "Prediction", ["Emulator", "Cli"] },
        { "Emulator", ["Prediction", "Operator", "DevicePlugin", "Cli"] },
        { "Operator", ["Simulation", "Emulator", "DevicePlugin", "Cli"] },
        { "DevicePlugin", ["Simulation", "Prediction", "Cli"] },
    };

    public static TheoryData<string> Projects => [.. ProjectFile.All.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ForbiddenArrows))]
    public void A_project_does_not_reference_what_it_must_not(string project, string[] forbidden)
    {
        var wrong = ProjectFile.All[project].References.Intersect(forbidden).Order(StringComparer.Ordinal).ToList();

        Assert.True(wrong.Count == 0, $"{project} references {string.Join(", ", wrong)}");
    }

    [Fact]
    public void Every_project_has_its_rule()
    {
        var withRule = ForbiddenArrows.Select(row => (string)row[0]).Append("Cli");

        Assert.Equal(ProjectFile.All.Keys.Order(StringComparer.Ordinal), withRule.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_compiles_only_its_own_files(string project)
    {
        Assert.True(
            ProjectFile.All[project].ForeignItems.Count == 0,
            $"{project} builds files of another project (reference the project that owns them instead): {string.Join("; ", ProjectFile.All[project].ForeignItems)}");
    }

    [Fact]
    public void The_documented_dependency_table_is_what_the_projects_reference()
    {
        var table = DependencyTable.Read();
        var mismatches = ProjectFile.All.Keys.Union(table.Keys)
            .Order(StringComparer.Ordinal)
            .Select(project => (project, declared: Arrows(ProjectFile.All.GetValueOrDefault(project)?.References), documented: Arrows(table.GetValueOrDefault(project))))
            .Where(row => row.declared != row.documented)
            .Select(row => $"{row.project}: csproj [{row.declared}], {DependencyTable.Document} [{row.documented}]")
            .ToList();

        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
    }

    private static string Arrows(IEnumerable<string>? references) => references is null ? "no row" : string.Join(", ", references.Order(StringComparer.Ordinal));
}
