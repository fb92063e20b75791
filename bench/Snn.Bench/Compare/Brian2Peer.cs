using System.Globalization;
using System.Text.RegularExpressions;

namespace Snn.Bench.Compare;

/// <summary>
/// Runs <c>shared/peers/brian2_cuba.py</c>, the CUBA network in Brian2 (cpp_standalone, its C++
/// compilation excluded from the wall time it prints), with Debian's Python that has Brian2.
/// </summary>
/// <param name="python">The interpreter with Brian2 (<see cref="DefaultPython"/>).</param>
/// <param name="script">The peer script's path.</param>
public sealed partial class Brian2Peer(string python, string script)
{
    /// <summary>Debian's interpreter, where <c>apt-get install -y python3-brian</c> puts Brian2 (the
    /// <c>python3</c> on PATH may be another one).</summary>
    public const string DefaultPython = "/usr/bin/python3";

    /// <summary>The script's file name.</summary>
    public const string ScriptName = "brian2_cuba.py";

    /// <summary>What to tell a user who has no Brian2.</summary>
    public const string InstallHint = "Brian2 is not installed for /usr/bin/python3. Install it with: sudo apt-get install -y python3-brian";

    /// <summary>The interpreter.</summary>
    public string Python { get; } = python;

    /// <summary>The script.</summary>
    public string Script { get; } = script;

    /// <summary>
    /// Finds <c>shared/peers/brian2_cuba.py</c> by walking up from each start directory (the repo's
    /// <c>../shared/peers</c> is found from anywhere inside the repo); null when none has it.
    /// </summary>
    public static string? FindScript(params string[] startDirectories)
    {
        foreach (string start in startDirectories)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "shared", "peers", ScriptName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>Whether <see cref="Python"/> exists and imports Brian2.</summary>
    public bool IsAvailable()
    {
        if (!File.Exists(Python))
        {
            return false;
        }
        try
        {
            var (exitCode, _, _) = Execute(["-c", "import brian2"], TimeSpan.FromMinutes(2));
            return exitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Runs the script for <paramref name="neurons"/> neurons and <paramref name="seconds"/> of simulated time.</summary>
    /// <exception cref="InvalidOperationException">The script failed or printed no result line.</exception>
    public Brian2Result Run(int neurons, double seconds, TimeSpan timeout)
    {
        var (exitCode, output, error) = Execute([Script, neurons.ToString(CultureInfo.InvariantCulture), seconds.ToString("R", CultureInfo.InvariantCulture)], timeout);
        if (exitCode != 0)
        {
            string tail = string.Join('\n', error.Split('\n').TakeLast(15));
            throw new InvalidOperationException($"{Python} {Script} {neurons} {seconds} exited with code {exitCode}:\n{tail}");
        }
        return Parse(output) ?? throw new InvalidOperationException($"{Script} printed no result line (N=... T=...s wall=...s spikes=... rate=...Hz synapses=...):\n{output}");
    }

    /// <summary>Parses the script's result line <c>N=4000 T=1.0s wall=0.093s spikes=23059 rate=5.76Hz synapses=321621</c>;
    /// null when <paramref name="output"/> has none.</summary>
    public static Brian2Result? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var match = ResultLine().Match(output);
        if (!match.Success)
        {
            return null;
        }
        var c = CultureInfo.InvariantCulture;
        return new Brian2Result(
            int.Parse(match.Groups["n"].Value, c),
            double.Parse(match.Groups["t"].Value, c),
            double.Parse(match.Groups["wall"].Value, c),
            long.Parse(match.Groups["spikes"].Value, c),
            double.Parse(match.Groups["rate"].Value, c),
            long.Parse(match.Groups["synapses"].Value, c));
    }

    private (int ExitCode, string Output, string Error) Execute(IEnumerable<string> arguments, TimeSpan timeout)
        => PythonProcess.Execute(Python, arguments, timeout);

    [GeneratedRegex(@"N=(?<n>\d+)\s+T=(?<t>[0-9.eE+-]+)s\s+wall=(?<wall>[0-9.eE+-]+)s\s+spikes=(?<spikes>\d+)\s+rate=(?<rate>[0-9.eE+-]+)Hz\s+synapses=(?<synapses>\d+)")]
    private static partial Regex ResultLine();
}
