using System.Xml.Linq;

namespace GpuPool.Architecture.Tests.Support;

/// <summary>One src/ project as its csproj declares it; projects are named without the "GpuPool." prefix.</summary>
internal sealed record ProjectFile(string Name, string Folder, string AssemblyName, IReadOnlySet<string> References, IReadOnlyList<string> ForeignItems)
{
    private const string Prefix = "GpuPool.";

    // Items that put a file into the build: compiled, code-generated or embedded.
    private static readonly string[] BuildItems = ["Compile", "Protobuf", "EmbeddedResource", "AdditionalFiles"];

    /// <summary>Every project under src/, by name.</summary>
    public static IReadOnlyDictionary<string, ProjectFile> All { get; } = CsprojPaths()
        .Select(Read)
        .ToDictionary(p => p.Name, StringComparer.Ordinal);

    public static ProjectFile Read(string csprojPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(csprojPath))!;
        var xml = XDocument.Load(csprojPath);
        var fileName = Path.GetFileNameWithoutExtension(csprojPath);
        var references = xml.Descendants("ProjectReference")
            .Select(r => ShortName(Path.GetFileNameWithoutExtension(Include(r))))
            .ToHashSet(StringComparer.Ordinal);

        // A file of another project compiled here (an item outside this folder, or given a Link) is
        // an arrow no ProjectReference shows.
        var foreign = xml.Descendants()
            .Where(e => BuildItems.Contains(e.Name.LocalName) && e.Attribute("Include") is not null)
            .Where(e => e.Attribute("Link") is not null || e.Attribute("LinkBase") is not null || IsOutside(directory, Include(e)))
            .Select(e => $"{e.Name.LocalName} {Include(e)}")
            .ToList();
        var assemblyName = xml.Descendants("AssemblyName").Select(a => a.Value).FirstOrDefault() ?? fileName;
        return new ProjectFile(ShortName(fileName), directory, assemblyName, references, foreign);
    }

    public static string ShortName(string projectName) =>
        projectName.StartsWith(Prefix, StringComparison.Ordinal) ? projectName[Prefix.Length..] : projectName;

    private static IEnumerable<string> CsprojPaths() =>
        Directory.GetFiles(Repository.PathOf("src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Include(XElement item) => item.Attribute("Include")!.Value.Replace('\\', '/');

    private static bool IsOutside(string directory, string include)
    {
        var full = Path.GetFullPath(Path.Combine(directory, include));
        return !full.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
