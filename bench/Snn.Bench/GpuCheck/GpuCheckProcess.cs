using System.Diagnostics;
using System.Text;

namespace Snn.Bench.GpuCheck;

/// <summary>Starts the processes of <c>gpu-check</c> (a step, VSTest) and stops them, with all they
/// started, at their timeout.</summary>
public static class GpuCheckProcess
{
    private const int TailLines = 20;

    /// <summary>How a process ended.</summary>
    /// <param name="ExitCode">Its exit code (−1 when it was stopped).</param>
    /// <param name="TimedOut">Whether it ran past its timeout and was stopped.</param>
    /// <param name="Tail">The last lines of its standard output and error.</param>
    public sealed record Outcome(int ExitCode, bool TimedOut, string Tail);

    /// <summary>The <c>dotnet</c> host running this program, else <c>DOTNET_HOST_PATH</c>, else <c>dotnet</c> on the PATH.</summary>
    public static string DotnetHost()
    {
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return string.IsNullOrEmpty(host) ? "dotnet" : host;
    }

    /// <summary>The command that runs this program again: its apphost, or the <c>dotnet</c> host and this assembly.</summary>
    public static (string File, string[] Arguments) Self()
    {
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == Path.GetFileNameWithoutExtension(typeof(GpuCheckProcess).Assembly.Location))
        {
            return (self, []);
        }
        return (DotnetHost(), [typeof(GpuCheckProcess).Assembly.Location]);
    }

    /// <summary>Runs <paramref name="start"/> (output redirected) until it exits or <paramref name="timeout"/>
    /// passes, copying every line of its output to <paramref name="log"/>.</summary>
    public static Outcome Run(ProcessStartInfo start, TimeSpan timeout, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(log);
        var tail = new Queue<string>();
        var gate = new object();
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (gate)
            {
                log.WriteLine(line);
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        }
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool exited = process.WaitForExit(timeout);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        }
        process.WaitForExit();
        lock (gate)
        {
            log.Flush();
            var text = new StringBuilder();
            text.AppendJoin('\n', tail);
            return new Outcome(exited ? process.ExitCode : -1, !exited, text.ToString());
        }
    }
}
