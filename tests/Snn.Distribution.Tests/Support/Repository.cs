using System.Reflection;

namespace Snn.Distribution.Tests.Support;

/// <summary>Where this test run's repository and build outputs are.</summary>
internal static class Repository
{
    /// <summary>The repository root: the nearest folder above the test assembly that holds <c>Snn.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration (Debug, Release) this test assembly, and the projects it references, were built in.</summary>
    public static string Configuration { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;

    /// <summary>The full path of <paramref name="relativePath"/> (with '/' separators) in the repository.</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Snn.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Snn.sln above {AppContext.BaseDirectory}.");
    }
}
