using System.Text.Json;

namespace Snn.Distribution.Tests.Packages;

/// <summary>The libraries of a restored project's dependency graph, read from its <c>obj/project.assets.json</c>.</summary>
internal static class ProjectAssets
{
    /// <summary>Library "id/version" to its type (package, project).</summary>
    public static IReadOnlyDictionary<string, string> Libraries(string projectDirectory)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(projectDirectory, "obj", "project.assets.json")));
        return document.RootElement.GetProperty("libraries").EnumerateObject()
            .ToDictionary(library => library.Name, library => library.Value.GetProperty("type").GetString()!);
    }

    /// <summary>The package ids in the graph.</summary>
    public static IReadOnlySet<string> PackageIds(string projectDirectory)
        => Libraries(projectDirectory).Keys.Select(key => key[..key.IndexOf('/')]).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
