using System.Diagnostics;

namespace Snn.Bench.Compare;

/// <summary>Runs a peer's Python interpreter and collects what it prints.</summary>
public static class PythonProcess
{
    /// <summary>Runs <paramref name="python"/> with <paramref name="arguments"/> in the temp folder;
    /// kills it and throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output, string Error) Execute(string python, IEnumerable<string> arguments, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(python);
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
            Environment = { ["PYTHONDONTWRITEBYTECODE"] = "1" }, // no __pycache__ beside the peer scripts (brian2_peer.py is imported)
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {python}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{python} {string.Join(' ', info.ArgumentList)} did not finish within {timeout.TotalSeconds:F0} s.");
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
