extern alias driver;

using System.Diagnostics;
using System.Text;
using driver::Snn.MpiDriver;

namespace Snn.Backends.Tests.Mpi;

/// <summary>Starts the MPI test driver under <c>mpirun</c> and kills the whole job when it outlives
/// its deadline, so a hanging rank fails the test instead of blocking the run.</summary>
internal static class MpiLauncher
{
    /// <summary>What a launch gave: exit code, the job's interleaved output, and the result of rank 0 when written.</summary>
    public sealed record Outcome(int ExitCode, string Output, DriverResult? Result, TimeSpan Elapsed);

    public static string? FindMpirun()
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, "mpirun");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Runs <c>mpirun -np <paramref name="ranks"/> dotnet Snn.MpiDriver.dll <paramref name="arguments"/> OUTPUT</c>.</summary>
    public static Outcome Launch(int ranks, string[] arguments, TimeSpan deadline, string[]? trailing = null)
    {
        string output = Path.Combine(Path.GetTempPath(), $"snn-mpi-{Guid.NewGuid():N}.json");
        var start = StartInfo(ranks, [.. arguments, output, .. trailing ?? []]);
        var text = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("mpirun did not start.");
        process.OutputDataReceived += (_, e) => Append(text, e.Data);
        process.ErrorDataReceived += (_, e) => Append(text, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"mpirun -np {ranks} {string.Join(' ', arguments)} was still running after {deadline.TotalSeconds} s and was killed:\n{Snapshot(text)}");
        }
        process.WaitForExit();
        try
        {
            var result = File.Exists(output) ? DriverResult.Load(output) : null;
            return new Outcome(process.ExitCode, Snapshot(text), result, clock.Elapsed);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>How to start <c>mpirun -np <paramref name="ranks"/> dotnet Snn.MpiDriver.dll <paramref name="arguments"/></c>
    /// (oversubscribed, unbound) with its standard output and error redirected.</summary>
    public static ProcessStartInfo StartInfo(int ranks, IEnumerable<string> arguments)
    {
        string driver = Path.Combine(AppContext.BaseDirectory, "Snn.MpiDriver.dll");
        var start = new ProcessStartInfo(FindMpirun() ?? throw new InvalidOperationException("mpirun is not on the PATH."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in ((string[])["--allow-run-as-root", "--oversubscribe", "--bind-to", "none", "-np", ranks.ToString(), "dotnet", driver]).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
