using System.Diagnostics;

namespace Snn.Distribution.Tests.Support;

/// <summary>Runs a command (<c>dotnet</c>, <c>mpirun</c>) as a new user would, in its own process: no
/// MSBuild settings inherited from the test host, no build servers left behind, and a deadline after
/// which the process tree is killed and the test fails.</summary>
internal static class CommandLine
{
    /// <summary>Runs <c><paramref name="program"/> <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>;
    /// <paramref name="environment"/> adds or replaces variables. Fails the test, with the output, when
    /// the exit code is not 0.</summary>
    public static string Run(string program, string workingDirectory, IEnumerable<string> arguments, TimeSpan deadline, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        string command = program + " " + string.Join(' ', start.ArgumentList);
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{command} was still running after {deadline.TotalSeconds} s and was killed:\n{standardOutput.Result}{standardError.Result}");
        }
        process.WaitForExit();
        string text = standardOutput.Result + standardError.Result;
        Assert.True(process.ExitCode == 0, $"{command} (in {workingDirectory}) exited with {process.ExitCode}:\n{text}");
        return text;
    }
}
