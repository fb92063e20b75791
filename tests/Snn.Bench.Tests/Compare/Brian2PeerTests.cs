using Snn.Bench.Compare;

namespace Snn.Bench.Tests.Compare;

public class Brian2PeerTests
{
    [Fact]
    public void ResultLineIsParsed()
    {
        string output = "some warning\nN=4000 T=1.0s wall=0.093s spikes=23059 rate=5.76Hz synapses=321621\n";

        var result = Brian2Peer.Parse(output);

        Assert.Equal(new Brian2Result(4000, 1.0, 0.093, 23059, 5.76, 321621), result);
    }

    [Fact]
    public void OutputWithoutResultLineGivesNull()
    {
        Assert.Null(Brian2Peer.Parse("Traceback (most recent call last):\n  ImportError: No module named brian2"));
    }

    [Fact]
    public void ScriptsAreCopiedBesideTheProgram()
    {
        string peers = Path.Combine(AppContext.BaseDirectory, "peers");

        Assert.Equal(peers, Brian2Peer.FindPeersDirectory(AppContext.BaseDirectory));
        Assert.All(Brian2Peer.Suites, suite => Assert.Contains("brian2_peer import PeerRun", File.ReadAllText(Path.Combine(peers, Brian2Peer.ScriptName(suite)))));
        Assert.Contains("class PeerRun", File.ReadAllText(Path.Combine(peers, Brian2Peer.SharedModule)));
    }

    [Fact]
    public void ScriptsAreFoundInBenchPeersOfAParentFolder()
    {
        using var directory = new TemporaryDirectory();
        string peers = Path.Combine(directory.Path, "bench", "peers");
        Directory.CreateDirectory(peers);
        foreach (string file in Brian2Peer.Files)
        {
            File.WriteAllText(Path.Combine(peers, file), "");
        }
        string inside = Path.Combine(directory.Path, "bench", "Snn.Bench", "Cli");
        Directory.CreateDirectory(inside);

        Assert.Equal(peers, Brian2Peer.FindPeersDirectory(Path.Combine(directory.Path, "elsewhere-missing"), inside));
    }

    [Fact]
    public void FolderMissingAScriptIsNotUsed()
    {
        foreach (string missing in Brian2Peer.Files)
        {
            using var directory = new TemporaryDirectory();
            string peers = Path.Combine(directory.Path, "bench", "peers");
            Directory.CreateDirectory(peers);
            foreach (string file in Brian2Peer.Files.Where(f => f != missing))
            {
                File.WriteAllText(Path.Combine(peers, file), "");
            }

            Assert.Null(Brian2Peer.FindPeersDirectory(directory.Path));
        }
    }

    /// <summary>The script is called as <c>script N seconds cpp threads</c>: a stand-in interpreter
    /// (the shell) runs a stand-in script that echoes its arguments into the result line.</summary>
    [Fact]
    public void ScriptGetsTheSizeDurationAndOpenMpThreads()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, Brian2Peer.ScriptName("coba")),
            "[ \"$3\" = cpp ] || exit 3\necho \"N=$1 T=$2s wall=0.25s spikes=$4 rate=1.5Hz synapses=9\"\n");
        var peer = new Brian2Peer("/bin/sh", directory.Path);

        var result = peer.Run("coba", 4000, 0.5, threads: 2, TimeSpan.FromMinutes(1));

        Assert.Equal(new Brian2Result(4000, 0.5, 0.25, 2, 1.5, 9), result);
        Assert.Throws<ArgumentOutOfRangeException>(() => peer.Run("coba", 4000, 0.5, threads: 0, TimeSpan.FromMinutes(1)));
    }

    /// <summary>Both Izhikevich suites run one script, which gets the suite's time step (ms) after the
    /// thread count: the stand-in script echoes it into the rate field.</summary>
    [Theory]
    [InlineData("izhikevich-2003", 1.0)]
    [InlineData("izhikevich-2003-dt0.1", 0.1)]
    public void IzhikevichScriptGetsTheSuitesTimeStep(string suite, double dtMs)
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "brian2_izhikevich_2003.py"),
            "[ \"$3\" = cpp ] || exit 3\necho \"N=$1 T=$2s wall=0.5s spikes=$4 rate=$5Hz synapses=1000000\"\n");
        var peer = new Brian2Peer("/bin/sh", directory.Path);

        var result = peer.Run(suite, 1000, 1.0, threads: 1, TimeSpan.FromMinutes(1));

        Assert.Equal(new Brian2Result(1000, 1.0, 0.5, 1, dtMs, 1000000), result);
        Assert.Equal(Path.Combine(directory.Path, "brian2_izhikevich_2003.py"), peer.ScriptFor(suite));
    }

    [Fact]
    public void SuiteWithoutPeerScriptIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Brian2Peer(Brian2Peer.DefaultPython, "/peers").ScriptFor("microcircuit"));
        Assert.Contains("'microcircuit'", error.Message);
        Assert.Equal(Path.Combine("/peers", "brian2_coba.py"), new Brian2Peer(Brian2Peer.DefaultPython, "/peers").ScriptFor("coba"));
    }

    [Fact]
    public void MissingInterpreterIsNotAvailable()
    {
        Assert.False(new Brian2Peer("/nonexistent/python3", "peers").IsAvailable());
    }

    [Fact]
    public void MedianOfOddAndEvenCounts()
    {
        Assert.Equal(2, Statistics.Median([3, 1, 2]));
        Assert.Equal(2.5, Statistics.Median([4, 1, 3, 2]));
        Assert.True(double.IsNaN(Statistics.Median([])));
    }

    [Fact]
    public void RatiosAreMediansOfPairedRepetitions()
    {
        var row = new ComparisonRow("cuba", 4000, 1, 320_000, 321_000, OursRunSeconds: [0.04, 0.05, 0.06], OursBuildSeconds: [0.01, 0.01, 0.01],
            Brian2Seconds: [0.1, 0.1, 0.2], OursRateHz: [5.5, 6.5, 6.3], Brian2RateHz: [5.0, 6.0, 7.0]);

        Assert.Equal(0.4, row.MedianRunRatio, 12);          // ratios 0.4, 0.5, 0.3
        Assert.Equal(0.5, row.MedianBuildAndRunRatio, 12);  // ratios 0.5, 0.6, 0.35
        Assert.Equal(6.0, row.Brian2MeanRateHz, 12);
        Assert.Equal(6.1, row.OursMeanRateHz, 12);
        Assert.Equal(6.1 / 6.0 - 1, row.RateDifference, 12);
    }
}
