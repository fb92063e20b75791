using Snn.Core;
using Snn.Bench.Tests;
using Snn.Distribution.Tests.Support;

namespace Snn.Distribution.Tests.Packages;

/// <summary>A temporary local NuGet feed holding Snn.Core, Snn.Backends, Snn.Backends.Gpu and the
/// Snn.Templates template package, packed (without rebuilding) from this build under a version no
/// other build uses, so that a consumer can only get them from this feed and never from a package
/// cached by an earlier run.</summary>
public sealed class PackedFeed : IDisposable
{
    private static readonly TimeSpan PackDeadline = TimeSpan.FromMinutes(3);
    private static readonly string[] Projects =
        ["Snn.Core/Snn.Core.csproj", "Snn.Backends/Snn.Backends.csproj", "Snn.Backends/Gpu/Snn.Backends.Gpu.csproj", "docs/templates/Snn.Templates.csproj"];
    private static readonly string[] LibraryIds = ["Snn.Core", "Snn.Backends", "Snn.Backends.Gpu"];
    private readonly TemporaryDirectory _root = new();

    public PackedFeed()
    {
        Version = UniqueTestVersion();
        Folder = Path.Combine(_root.Path, "feed");
        IsolatedPackagesFolder = Path.Combine(_root.Path, "packages");
        foreach (string project in Projects)
        {
            CommandLine.Run("dotnet", Repository.Root, ["pack", Repository.PathOf(project), "-c", Repository.Configuration, "--no-build", "-o", Folder, $"-p:Version={Version}"], PackDeadline);
        }
    }

    /// <summary>The packages' version: this build's version with a unique prerelease label.</summary>
    public string Version { get; }

    /// <summary>The feed folder (the .nupkg and .snupkg files).</summary>
    public string Folder { get; }

    /// <summary>An empty global packages folder, so that nothing an isolated consumer restores comes from, or goes into, the user's cache.</summary>
    public string IsolatedPackagesFolder { get; }

    /// <summary>The user's global packages folder (already restored by the build of this repository).</summary>
    public static string UserPackagesFolder { get; } = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>A fresh folder for a consumer or a template hive.</summary>
    public string NewFolder(string name)
    {
        string directory = Path.Combine(_root.Path, name);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The path of package <paramref name="id"/> in the feed; <paramref name="extension"/> is nupkg or snupkg.</summary>
    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Folder, $"{id}.{Version}.{extension}");

    /// <summary>This build's version with a unique prerelease label, so that a restore can only find
    /// packages packed by the running test.</summary>
    public static string UniqueTestVersion()
    {
        var version = typeof(Network).Assembly.GetName().Version!;
        return $"{version.Major}.{version.Minor}.{version.Build}-test{Guid.NewGuid():N}";
    }

    /// <summary>Writes a nuget.config into <paramref name="directory"/> whose only sources are this feed and the
    /// already-restored global packages folder (offline).</summary>
    public void WriteNugetConfig(string directory) => WriteNugetConfig(directory, Folder, UserPackagesFolder);

    /// <summary>Writes a nuget.config into <paramref name="directory"/> whose only sources are the
    /// <paramref name="folders"/> (offline); returns its path.</summary>
    public static string WriteNugetConfig(string directory, params string[] folders)
    {
        string path = Path.Combine(directory, "nuget.config");
        string sources = string.Join("\n", folders.Select((folder, k) => $"""    <add key="source{k}" value="{folder}" />"""));
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
            {sources}
              </packageSources>
            </configuration>
            """);
        return path;
    }

    /// <summary>Creates <paramref name="name"/>, a console project in a fresh folder outside the repository that
    /// references <paramref name="packageIds"/> at this feed's version, with the offline nuget.config.</summary>
    public string CreateConsumer(string name, IEnumerable<string> packageIds)
    {
        string directory = NewFolder(name);
        WriteNugetConfig(directory);
        string references = string.Join("\n", packageIds.Select(id => $"""    <PackageReference Include="{id}" Version="{Version}" />"""));
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        return directory;
    }

    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> in a consumer's folder, restoring into
    /// <see cref="IsolatedPackagesFolder"/>, or, with <paramref name="isolated"/> false, into the user's
    /// folder (for consumers of large packages such as ScottPlot, whose copy would cost hundreds of MB;
    /// this feed's versions are removed from it again on dispose).</summary>
    public string RunInConsumer(string directory, IEnumerable<string> arguments, TimeSpan deadline, bool isolated = true)
        => CommandLine.Run("dotnet", directory, arguments, deadline,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = isolated ? IsolatedPackagesFolder : UserPackagesFolder });

    public void Dispose()
    {
        foreach (string id in LibraryIds)
        {
            string package = Path.Combine(UserPackagesFolder, id.ToLowerInvariant());
            string restored = Path.Combine(package, Version);
            if (Directory.Exists(restored))
            {
                Directory.Delete(restored, recursive: true);
                if (!Directory.EnumerateFileSystemEntries(package).Any())
                {
                    Directory.Delete(package);
                }
            }
        }
        _root.Dispose();
    }
}
