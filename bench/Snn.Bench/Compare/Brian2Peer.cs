using System.Globalization;
using System.Text.RegularExpressions;

namespace Snn.Bench.Compare;

/// <summary>
/// Runs the Brian2 peer scripts of <c>bench/peers</c> (<c>brian2_cuba.py</c>, <c>brian2_coba.py</c>,
/// <c>brian2_izhikevich_2003.py</c>: the networks of the <c>cuba</c>, <c>coba</c>, <c>izhikevich-2003</c> and
/// <c>izhikevich-2003-dt0.1</c> suites in Brian2's cpp_standalone mode, on as many OpenMP threads as Snn
/// gets, its C++ compilation excluded from the wall time they print) with Debian's Python that has Brian2.
/// </summary>
/// <param name="python">The interpreter with Brian2 (<see cref="DefaultPython"/>).</param>
/// <param name="peersDirectory">The folder that holds the scripts.</param>
public sealed partial class Brian2Peer(string python, string peersDirectory)
{
    /// <summary>Debian's interpreter, where <c>apt-get install -y python3-brian</c> puts Brian2 (the
    /// <c>python3</c> on PATH may be another one).</summary>
    public const string DefaultPython = "/usr/bin/python3";

    /// <summary>What to tell a user who has no Brian2.</summary>
    public const string InstallHint = "Brian2 is not installed for /usr/bin/python3. Install it with: sudo apt-get install -y python3-brian";

    /// <summary>The suites that have a Brian2 peer script, with the script, its arguments after the
    /// thread count, and the sizes compared when <c>--sizes</c> is not given.</summary>
    public static IReadOnlyList<Brian2PeerSuite> PeerSuites { get; } =
    [
        new("cuba", "brian2_cuba.py", [], [4000, 40000]),
        new("coba", "brian2_coba.py", [], [4000, 40000]),
        new("izhikevich-2003", "brian2_izhikevich_2003.py", ["1"], [1000]),
        new("izhikevich-2003-dt0.1", "brian2_izhikevich_2003.py", ["0.1"], [1000]),
    ];

    /// <summary>The module every peer script imports: the command line, the device and the result line.</summary>
    public const string SharedModule = "brian2_peer.py";

    /// <summary>The files a folder of peer scripts must hold: every suite's script and <see cref="SharedModule"/>.</summary>
    public static IReadOnlyList<string> Files { get; } = [.. PeerSuites.Select(s => s.Script).Distinct(), SharedModule];

    /// <summary>The suites compared when none are named: the two whose comparison the command made
    /// before the Izhikevich peer existed, so that a command line written then (for example with
    /// <c>--sizes 4000,40000</c>, far too large for the all-to-all Izhikevich network) does the same now.</summary>
    public static IReadOnlyList<string> DefaultSuites { get; } = ["cuba", "coba"];

    /// <summary>The names of the suites that have a Brian2 peer script.</summary>
    public static IReadOnlyList<string> Suites { get; } = [.. PeerSuites.Select(s => s.Suite)];

    /// <summary>The interpreter.</summary>
    public string Python { get; } = python;

    /// <summary>The folder of the scripts.</summary>
    public string PeersDirectory { get; } = peersDirectory;

    /// <summary>The peer of <paramref name="suite"/>.</summary>
    /// <exception cref="ArgumentException">The suite has no peer script.</exception>
    public static Brian2PeerSuite PeerOf(string suite)
        => PeerSuites.FirstOrDefault(s => s.Suite == suite)
            ?? throw new ArgumentException($"Suite '{suite}' has no Brian2 peer script; the suites with one are {string.Join(", ", Suites)}.", nameof(suite));

    /// <summary>The file name of the peer script of <paramref name="suite"/>.</summary>
    /// <exception cref="ArgumentException">The suite has no peer script.</exception>
    public static string ScriptName(string suite) => PeerOf(suite).Script;

    /// <summary>The path of the peer script of <paramref name="suite"/>.</summary>
    /// <exception cref="ArgumentException">The suite has no peer script.</exception>
    public string ScriptFor(string suite) => Path.Combine(PeersDirectory, ScriptName(suite));

    /// <summary>
    /// Finds the folder of the peer scripts: for each start directory, its <c>peers</c> sub-folder (the
    /// build copies <c>bench/peers</c> next to the program) or the <c>bench/peers</c> folder of it or a
    /// parent (a checkout of the repository). Null when none holds every script and <see cref="SharedModule"/>.
    /// </summary>
    public static string? FindPeersDirectory(params string[] startDirectories)
    {
        foreach (string start in startDirectories)
        {
            string beside = Path.Combine(start, "peers");
            if (HasAllScripts(beside))
            {
                return beside;
            }
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "bench", "peers");
                if (HasAllScripts(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static bool HasAllScripts(string directory) => Files.All(file => File.Exists(Path.Combine(directory, file)));

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

    /// <summary>Runs the peer script of <paramref name="suite"/> for <paramref name="neurons"/> neurons and
    /// <paramref name="seconds"/> of simulated time in cpp_standalone mode with <paramref name="threads"/>
    /// OpenMP threads (≥ 1), followed by the suite's own arguments (<see cref="Brian2PeerSuite.Arguments"/>).</summary>
    /// <exception cref="InvalidOperationException">The script failed or printed no result line.</exception>
    public Brian2Result Run(string suite, int neurons, double seconds, int threads, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        string script = ScriptFor(suite);
        var c = CultureInfo.InvariantCulture;
        string[] arguments = [script, neurons.ToString(c), seconds.ToString("R", c), "cpp", threads.ToString(c), .. PeerOf(suite).Arguments];
        var (exitCode, output, error) = Execute(arguments, timeout);
        if (exitCode != 0)
        {
            string tail = string.Join('\n', error.Split('\n').TakeLast(15));
            throw new InvalidOperationException($"{Python} {string.Join(' ', arguments)} exited with code {exitCode}:\n{tail}");
        }
        return Parse(output) ?? throw new InvalidOperationException($"{script} printed no result line (N=... T=...s wall=...s spikes=... rate=...Hz synapses=...):\n{output}");
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
