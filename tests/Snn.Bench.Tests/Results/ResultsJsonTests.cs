using System.Text.Json;
using System.Text.Json.Nodes;
using Snn.Bench.Results;
using Snn.Tests.Shared;

namespace Snn.Bench.Tests.Results;

public class ResultsJsonTests
{
    private static readonly SuiteResult Sample = new(
        Suite: "cuba", Backend: "cpu", Neurons: 4000, Synapses: 321_209, Threads: null, Seed: 42, DtMs: 0.1, SimulatedMs: 1000,
        BuildSeconds: 0.027, WallSeconds: 0.035, Spikes: 21_924, MeanRateHz: 5.481, SynapticEvents: 1_759_694,
        SynapticEventsPerSecond: 5.0e7, NeuronUpdatesPerSecond: 1.14e9, RealTimeFactor: 0.035, PeakWorkingSetBytes: 53_841_920,
        ManagedBytesAfterCompile: 3_542_840, BytesPerSynapse: 10.67);

    private static readonly StudyResult Study = new("sfq-xor", 42, Quick: true, WallSeconds: 0.9,
        new Dictionary<string, double> { ["nominal_separation_ghz"] = 3.9, ["pattern_00_latency_ps"] = double.NaN },
        ["nominal: all four patterns correct"], ["sfq-xor-global-bias.png"]);

    private static BenchmarkReport Report() => new(BenchmarkReport.CurrentSchema, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        "snn-bench run cuba", new MachineInfo("Linux", "CPU", 2, ".NET 10", "X64", "AVX2"), [Sample, Sample with { Suite = "coba", Threads = 2 }], [Study]);

    [Fact]
    public void ReportSurvivesARoundTrip()
    {
        var report = Report();

        var back = ResultsJson.Deserialize(ResultsJson.Serialize(report));

        Assert.Equal(report.Schema, back.Schema);
        Assert.Equal(report.CreatedUtc, back.CreatedUtc);
        Assert.Equal(report.Command, back.Command);
        Assert.Equal(report.Machine, back.Machine);
        Assert.Equal(report.Results, back.Results);
        var study = Assert.Single(back.Studies);
        Assert.Equal(Study.Study, study.Study);
        Assert.Equal(Study.Metrics, study.Metrics);
        Assert.Equal(Study.Findings, study.Findings);
        Assert.Equal(Study.Files, study.Files);
        Assert.Equal("snn-bench/results/v2", back.Schema);
    }

    [Fact]
    public void EveryResultFieldIsWrittenInCamelCase()
    {
        var root = JsonNode.Parse(ResultsJson.Serialize(Report()))!.AsObject();
        var result = root["results"]!.AsArray()[0]!.AsObject();

        Assert.Equal(["schema", "createdUtc", "command", "machine", "results", "studies"], root.Select(p => p.Key));
        Assert.Equal(["os", "cpu", "logicalCores", "runtime", "architecture", "vectorIsa"], root["machine"]!.AsObject().Select(p => p.Key));
        string[] required =
        [
            "suite", "backend", "neurons", "synapses", "threads", "seed", "dtMs", "simulatedMs", "buildSeconds", "wallSeconds", "spikes",
            "meanRateHz", "synapticEvents", "synapticEventsPerSecond", "neuronUpdatesPerSecond", "realTimeFactor", "peakWorkingSetBytes",
            "managedBytesAfterCompile", "bytesPerSynapse", "metrics", "findings",
        ];
        Assert.Equal(required, result.Select(p => p.Key));
        Assert.Equal(321_209, (long)result["synapses"]!);
        Assert.Null(result["threads"]);
        Assert.Null(result["metrics"]);
        var study = root["studies"]!.AsArray()[0]!.AsObject();
        Assert.Equal(["study", "seed", "quick", "wallSeconds", "metrics", "findings", "files"], study.Select(p => p.Key));
        Assert.Equal("NaN", (string)study["metrics"]!["pattern_00_latency_ps"]!);
    }

    /// <summary>Reports written before the vector instruction set was recorded still read; their
    /// machine says it is unknown rather than failing or inventing one.</summary>
    [Fact]
    public void AReportWithoutTheVectorIsaReadsAsUnknown()
    {
        var root = JsonNode.Parse(ResultsJson.Serialize(Report()))!.AsObject();
        Assert.True(root["machine"]!.AsObject().Remove("vectorIsa"));

        var machine = ResultsJson.Deserialize(root.ToJsonString()).Machine;

        Assert.Equal(MachineInfo.UnknownIsa, machine.VectorIsa);
        Assert.Equal(Report().Machine with { VectorIsa = MachineInfo.UnknownIsa }, machine);
    }

    /// <summary>The recorded instruction set agrees with what the runtime accelerates: accelerated
    /// 512-bit vectors mean AVX-512 (the runtime may leave them unaccelerated on a processor that
    /// has it), accelerated 256-bit vectors AVX2 or AVX-512, and an Arm64 process AdvSimd.</summary>
    [Fact]
    public void TheVectorIsaMatchesTheAcceleratedVectorWidths()
    {
        string isa = MachineInfo.Current().VectorIsa;

        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            Assert.Equal("AVX-512", isa);
        }
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            Assert.Contains(isa, new[] { "AVX2", "AVX-512" });
        }
        if (System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64)
        {
            Assert.Equal("AdvSimd", isa);
        }
    }

    [Fact]
    public void MissingFieldIsAnError()
    {
        var root = JsonNode.Parse(ResultsJson.Serialize(Report()))!.AsObject();
        root["results"]!.AsArray()[0]!.AsObject().Remove("wallSeconds");

        Assert.Throws<JsonException>(() => ResultsJson.Deserialize(root.ToJsonString()));
    }

    [Fact]
    public void VersionOneFileWithoutStudiesIsAnError()
    {
        var root = JsonNode.Parse(ResultsJson.Serialize(Report()))!.AsObject();
        root.Remove("studies");

        Assert.Throws<JsonException>(() => ResultsJson.Deserialize(root.ToJsonString()));
    }

    [Fact]
    public void NullStringIsAnError()
    {
        var root = JsonNode.Parse(ResultsJson.Serialize(Report()))!.AsObject();
        root["results"]!.AsArray()[0]!.AsObject()["suite"] = null;

        Assert.Throws<JsonException>(() => ResultsJson.Deserialize(root.ToJsonString()));
    }

    [Fact]
    public void WriteCreatesResultsJsonInTheFolder()
    {
        using var directory = new TemporaryDirectory();
        string folder = Path.Combine(directory.Path, "nested");

        string path = ResultsJson.Write(Report(), folder);

        Assert.Equal(Path.Combine(folder, "results.json"), path);
        Assert.Equal(2, ResultsJson.Read(path).Results.Count);
    }

    /// <summary>A run writes over the previous run's results.json; a reader of the old file keeps
    /// reading it whole (the new file is renamed over it, not written into it).</summary>
    [Fact]
    public void WriteReplacesThePreviousResultsWhole()
    {
        using var directory = new TemporaryDirectory();
        string path = ResultsJson.Write(Report() with { Command = "snn-bench run coba" }, directory.Path);

        ReplacedFile.AssertReplacedWhole(path, () => ResultsJson.Write(Report(), directory.Path));

        Assert.Equal(Report().Command, ResultsJson.Read(path).Command);
    }

    [Fact]
    public void MpiRunWritesRanksIntervalAndEveryRanksTiming()
    {
        var mpi = Sample with
        {
            Backend = "mpi", Ranks = 2, IntervalSteps = 1,
            RankTimings = [new RankTiming(0, 0.5, 0.25, 1 / 3.0, 200, 30, 1808), new RankTiming(1, 0.4, 0.35, 0.35 / 0.75, 200, 22, 1808)],
        };
        string json = ResultsJson.Serialize(Report() with { Results = [mpi] });

        var result = JsonNode.Parse(json)!["results"]!.AsArray()[0]!.AsObject();
        Assert.Equal(2, (int)result["ranks"]!);
        Assert.Equal(1, (int)result["intervalSteps"]!);
        var rank = result["rankTimings"]!.AsArray()[1]!.AsObject();
        Assert.Equal(["rank", "computeSeconds", "communicationSeconds", "communicationShare", "exchanges", "spikesSent", "bytesReceived"], rank.Select(p => p.Key));
        var back = Assert.Single(ResultsJson.Deserialize(json).Results);
        Assert.Equal(mpi.RankTimings, back.RankTimings);
        Assert.Equal(2, back.Ranks);
    }

    [Fact]
    public void MpiFieldsAreAbsentForOtherEngines()
    {
        var result = JsonNode.Parse(ResultsJson.Serialize(Report()))!["results"]!.AsArray()[0]!.AsObject();

        Assert.False(result.ContainsKey("ranks"));
        Assert.False(result.ContainsKey("rankTimings"));
        Assert.False(result.ContainsKey("intervalSteps"));
        Assert.Null(Assert.Single(ResultsJson.Deserialize(ResultsJson.Serialize(Report() with { Results = [Sample] })).Results).RankTimings);
    }
}
