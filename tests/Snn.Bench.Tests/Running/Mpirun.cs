using System.Diagnostics;
using System.Text;

namespace Snn.Bench.Tests.Running;

/// <summary>Starts <c>snn-bench</c> under Open MPI's <c>mpirun</c> and kills the whole job when it
/// outlives its deadline, so a hanging rank fails the test instead of blocking the run.</summary>
internal static class Mpirun
{
    public static string? Find()
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "mpirun"))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs <c>mpirun -np <paramref name="ranks"/> dotnet snn-bench.dll <paramref name="arguments"/></c>; returns the exit code and the job's output.</summary>
    public static (int ExitCode, string Output) Launch(int ranks, IEnumerable<string> arguments, TimeSpan deadline)
    {
        string program = Path.Combine(AppContext.BaseDirectory, "snn-bench.dll");
        var start = new ProcessStartInfo(Find() ?? throw new InvalidOperationException("mpirun is not on the PATH."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--allow-run-as-root", "--oversubscribe", "--bind-to", "none", "-np", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), "dotnet", program }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        var text = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("mpirun did not start.");
        process.OutputDataReceived += (_, e) => Append(text, e.Data);
        process.ErrorDataReceived += (_, e) => Append(text, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"mpirun -np {ranks} snn-bench {string.Join(' ', arguments)} was still running after {deadline.TotalSeconds} s and was killed:\n{Snapshot(text)}");
        }
        process.WaitForExit();
        return (process.ExitCode, Snapshot(text));
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
