using Snn.Distribution.Tests.Support;

namespace Snn.Distribution.Tests.Examples;

/// <summary>Runs an example of <c>docs/examples</c> from its own build output (this test project
/// builds every example in its configuration), in a fresh working folder, as <c>dotnet run</c> would.</summary>
internal static class ExampleRunner
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    /// <summary>The example's program (<c>docs/examples/NAME/bin/CONFIGURATION/net10.0/NAME.dll</c>).</summary>
    public static string Program(string name)
        => Repository.PathOf($"docs/examples/{name}/bin/{Repository.Configuration}/net10.0/{name}.dll");

    /// <summary>Runs example <paramref name="name"/> in <paramref name="workingDirectory"/> and returns its output.</summary>
    public static string Run(string name, string workingDirectory)
        => CommandLine.Run("dotnet", workingDirectory, [Program(name)], Deadline);

    /// <summary>Runs example <paramref name="name"/> on <paramref name="ranks"/> MPI ranks and returns the job's output.</summary>
    public static string RunOnRanks(string name, int ranks, string workingDirectory)
        => CommandLine.Run(FindMpirun()!, workingDirectory,
            ["--allow-run-as-root", "--oversubscribe", "--bind-to", "none", "-np", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), "dotnet", Program(name)],
            Deadline, new Dictionary<string, string> { ["OMPI_MCA_btl_vader_single_copy_mechanism"] = "none" });

    /// <summary>The full path of <c>mpirun</c>, or null when it is not on the PATH.</summary>
    public static string? FindMpirun()
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "mpirun"))
            .FirstOrDefault(File.Exists);
}
