using System.Globalization;
using Snn.Bench.Compare;
using Snn.Bench.Nir;
using Snn.Bench.Results;
using Snn.Bench.Studies;
using Snn.Bench.Suites;
using Snn.Datasets.Catalog;
using Spectre.Console;

namespace Snn.Bench.Cli;

/// <summary>The Spectre.Console tables <c>snn-bench</c> prints.</summary>
public static class ResultTables
{
    /// <summary>The short table of the default run: spikes, mean rate, wall time, real-time factor.</summary>
    public static Table Summary(SuiteResult result)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{result.Suite.ToUpperInvariant()}: {Format.Count(result.Neurons)} neurons, {Format.Count(result.Synapses)} synapses, {Format.Milliseconds(result.SimulatedMs)}"))
            .AddColumn(new TableColumn("Spikes").RightAligned())
            .AddColumn(new TableColumn("Mean rate").RightAligned())
            .AddColumn(new TableColumn("Wall time").RightAligned())
            .AddColumn(new TableColumn("Real-time factor").RightAligned());
        table.AddRow(
            Format.Count(result.Spikes),
            Format.Hertz(result.MeanRateHz),
            Format.Seconds(result.WallSeconds),
            Format.Ratio(result.RealTimeFactor));
        table.Caption("[grey]real-time factor = wall time / simulated time (below 1: faster than real time)[/]");
        return table;
    }

    /// <summary>The full results table of <c>snn-bench run</c>: one column per suite, one row per measurement
    /// (so that it fits a terminal).</summary>
    public static Table Results(IReadOnlyList<SuiteResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("");
        foreach (var r in results)
        {
            table.AddColumn(new TableColumn(Markup.Escape(r.Suite)).RightAligned());
        }
        (string Name, Func<SuiteResult, string> Value)[] rows =
        [
            ("Neurons", r => Format.Count(r.Neurons)),
            ("Synapses", r => Format.Count(r.Synapses)),
            ("Simulated time", r => Format.Milliseconds(r.SimulatedMs)),
            ("Build (compile) time", r => Format.Seconds(r.BuildSeconds)),
            ("Wall time", r => Format.Seconds(r.WallSeconds)),
            ("Spikes", r => Format.Count(r.Spikes)),
            ("Mean rate", r => Format.Hertz(r.MeanRateHz)),
            ("Synaptic events/s", r => Format.PerSecond(r.SynapticEventsPerSecond)),
            ("Neuron updates/s", r => Format.PerSecond(r.NeuronUpdatesPerSecond)),
            ("Real-time factor", r => Format.Ratio(r.RealTimeFactor)),
            ("Peak memory", r => Format.MiB(r.PeakWorkingSetBytes)),
            ("Bytes/synapse", r => Format.Fixed(r.BytesPerSynapse, 1)),
            ("Threads", r => r.Threads?.ToString(CultureInfo.InvariantCulture) ?? "auto"),
        ];
        foreach (var (name, value) in rows)
        {
            table.AddRow([name, .. results.Select(value)]);
        }
        if (results.Any(r => r.Ranks is not null))
        {
            (string Name, Func<SuiteResult, string> Value)[] mpiRows =
            [
                ("MPI ranks", r => r.Ranks?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                ("Exchange interval", r => r.IntervalSteps is int steps ? Steps(steps) : "-"),
                ("Communication (most)", r => r.RankTimings is { Count: > 0 } t ? t.Max(x => x.CommunicationShare).ToString("P1", CultureInfo.InvariantCulture) : "-"),
            ];
            foreach (var (name, value) in mpiRows)
            {
                table.AddRow([name, .. results.Select(value)]);
            }
        }
        table.Caption("[grey]Wall time excludes compile and JIT. Real-time factor = wall / simulated (below 1: faster than real time). "
            + "Peak memory: the process's peak working set so far. Bytes/synapse: managed heap growth during compile / synapses.[/]");
        return table;
    }

    /// <summary>The per-rank time split of an <c>mpi</c> run: one row per rank.</summary>
    public static Table RankTimings(SuiteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{result.Suite} on {result.Ranks} MPI ranks (spikes exchanged every {Steps(result.IntervalSteps ?? 0)})"))
            .AddColumn(new TableColumn("Rank").RightAligned())
            .AddColumn(new TableColumn("Compute").RightAligned())
            .AddColumn(new TableColumn("Communication").RightAligned())
            .AddColumn(new TableColumn("Comm. share").RightAligned())
            .AddColumn(new TableColumn("Exchanges").RightAligned())
            .AddColumn(new TableColumn("Spikes sent").RightAligned())
            .AddColumn(new TableColumn("Bytes received").RightAligned());
        foreach (var t in result.RankTimings ?? [])
        {
            table.AddRow(t.Rank.ToString(CultureInfo.InvariantCulture), Format.Seconds(t.ComputeSeconds), Format.Seconds(t.CommunicationSeconds),
                t.CommunicationShare.ToString("P1", CultureInfo.InvariantCulture), Format.Count(t.Exchanges), Format.Count(t.SpikesSent), Format.Count(t.BytesReceived));
        }
        table.Caption("[grey]Communication: time inside the spike-exchange collectives, waiting for slower ranks included.[/]");
        return table;
    }

    /// <summary>The outputs of an imported NIR graph: spikes, mean rate and the first counts per neuron
    /// (or, for a non-spiking output, the final membrane potentials).</summary>
    public static Table NirOutputs(IReadOnlyList<NirOutputCounts> outputs, double durationMs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        const int shown = 20;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Output").AddColumn("Population").AddColumn(new TableColumn("Neurons").RightAligned())
            .AddColumn(new TableColumn("Spikes").RightAligned()).AddColumn(new TableColumn("Mean rate").RightAligned())
            .AddColumn($"Spikes per neuron (first {shown}) or final v");
        foreach (var output in outputs)
        {
            string detail = output.CountsPerNeuron is { } counts
                ? string.Join(" ", counts.Take(shown).Select(c => c.ToString(CultureInfo.InvariantCulture))) + (counts.Length > shown ? " ..." : "")
                : "v = " + string.Join(" ", (output.FinalMembrane ?? []).Take(shown).Select(v => v.ToString("G3", CultureInfo.InvariantCulture)));
            string rate = output.CountsPerNeuron is null ? "-" : Format.Hertz(output.Spikes / (output.Neurons * durationMs / 1000.0));
            table.AddRow(Markup.Escape(output.Output), Markup.Escape(output.Population), Format.Count(output.Neurons), Format.Count(output.Spikes), rate, Markup.Escape(detail));
        }
        if (outputs.Count == 0)
        {
            table.Caption("[grey]The graph has no Output node.[/]");
        }
        return table;
    }

    private static string Steps(int steps) => steps == 1 ? "1 step" : steps.ToString(CultureInfo.InvariantCulture) + " steps";

    /// <summary>The suites with their defaults.</summary>
    public static Table Suites(IReadOnlyList<BenchmarkSuite> suites)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Suite")
            .AddColumn(new TableColumn("Default size").RightAligned())
            .AddColumn(new TableColumn("dt").RightAligned())
            .AddColumn("Network");
        foreach (var suite in suites)
        {
            table.AddRow(Markup.Escape(suite.Name), Format.Count(suite.DefaultSize), Format.Milliseconds(suite.DtMs), Markup.Escape(suite.Description));
        }
        return table;
    }

    /// <summary>The studies.</summary>
    public static Table Studies(IReadOnlyList<BenchmarkStudy> studies)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Study").AddColumn("What it measures");
        foreach (var study in studies)
        {
            table.AddRow(Markup.Escape(study.Name), Markup.Escape(study.Description));
        }
        return table;
    }

    /// <summary>The data sets found on this machine: name, directory, complete or the missing files.</summary>
    public static Table LocalDatasets(IReadOnlyList<LocalDataset> datasets)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Data sets on this machine")
            .AddColumn("Data set").AddColumn("Where").AddColumn("Status");
        foreach (var dataset in datasets)
        {
            string where = (dataset.IsSystem ? "system package: " : "cache: ") + dataset.Directory;
            string status = dataset.IsComplete
                ? "[green]complete[/]"
                : "[yellow]missing " + Markup.Escape(string.Join(", ", dataset.MissingFiles)) + "[/]";
            table.AddRow(Markup.Escape(dataset.Entry.Name), Markup.Escape(where), status);
        }
        return table;
    }

    /// <summary>The catalogue of downloadable data sets with their published sizes ("unknown" where none is published).</summary>
    public static Table DatasetCatalogue(IReadOnlyList<DatasetEntry> entries)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Catalogue")
            .AddColumn("Data set").AddColumn("Title").AddColumn(new TableColumn("Files").RightAligned())
            .AddColumn(new TableColumn("Size").RightAligned()).AddColumn("Download");
        foreach (var entry in entries)
        {
            long known = entry.Files.Sum(f => f.SizeBytes ?? 0);
            bool allKnown = entry.Files.All(f => f.SizeBytes is not null);
            string size = allKnown ? Format.MiB(known) : known > 0 ? "> " + Format.MiB(known) : "unknown";
            table.AddRow(Markup.Escape(entry.Name), Markup.Escape(entry.Title), entry.Files.Count.ToString(CultureInfo.InvariantCulture),
                size, entry.CanDownload ? "automatic" : "by hand (page below)");
        }
        return table;
    }

    /// <summary>The table of <c>snn-bench compare brian2</c>: one column per network size.</summary>
    public static Table Comparison(IReadOnlyList<ComparisonRow> rows, int repeats)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("");
        foreach (var row in rows)
        {
            table.AddColumn(new TableColumn($"{row.Suite}, N = {Format.Count(row.Neurons)}").RightAligned());
        }
        (string Name, Func<ComparisonRow, string> Value)[] lines =
        [
            ("Synapses Snn / Brian2", r => $"{Format.Count(r.OursSynapses)} / {Format.Count(r.Brian2Synapses)}"),
            ("Snn simulation", r => Format.Seconds(Statistics.Median(r.OursRunSeconds))),
            ("Snn compile + simulation", r => Format.Seconds(Statistics.Median(r.OursRunSeconds.Zip(r.OursBuildSeconds, (a, b) => a + b).ToArray()))),
            ("Brian2 (its program)", r => Format.Seconds(Statistics.Median(r.Brian2Seconds))),
            ("Ratio Snn/Brian2, simulation", r => Format.Fixed(r.MedianRunRatio, 3)),
            ("Ratio Snn/Brian2, compile + sim.", r => Format.Fixed(r.MedianBuildAndRunRatio, 3)),
            ("Mean rate Snn", r => Format.Hertz(r.OursMeanRateHz)),
            ("Mean rate Brian2", r => Format.Hertz(r.Brian2MeanRateHz)),
            ("Rate Snn vs Brian2", r => r.RateDifference.ToString("+0.0 %;-0.0 %", CultureInfo.InvariantCulture)),
        ];
        foreach (var (name, value) in lines)
        {
            table.AddRow([name, .. rows.Select(value)]);
        }
        table.Caption($"[grey]Times: medians of {repeats} repetitions; ratios: median over repetitions of Snn / Brian2 (below 1: Snn is faster). "
            + "Brian2 (cpp_standalone, with as many OpenMP threads as Snn has) times its compiled program, which creates the synapses and then simulates; its C++ compilation is excluded, "
            + "so 'compile + sim.' is the like-for-like ratio. Each repetition is a new network on both sides (Brian2: a random seed; Snn: --seed plus the repetition); "
            + "rates are means over repetitions.[/]");
        return table;
    }
}
