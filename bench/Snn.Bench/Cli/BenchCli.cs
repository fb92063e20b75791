using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Diagnostics;
using Snn.Backends.Onnx;
using Snn.Bench.Compare;
using Snn.Bench.Export;
using Snn.Bench.Plotting;
using Snn.Bench.Results;
using Snn.Bench.Running;
using Snn.Bench.Studies;
using Snn.Bench.Suites;
using Snn.Datasets.Catalog;
using Spectre.Console;

namespace Snn.Bench.Cli;

/// <summary>
/// The <c>snn-bench</c> command line (System.CommandLine 2.0): with no arguments it simulates the
/// standard CUBA network; <c>list</c>, <c>run</c>, <c>compare</c>, <c>export</c> and <c>datasets</c> do the rest.
/// </summary>
public sealed class BenchCli
{
    private readonly IAnsiConsole _console;

    private readonly Argument<string[]> _suites = new("suite")
    {
        Description = "Suites and studies to run (see 'snn-bench list'); suites run first, then studies.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> _quick = new("--quick")
    {
        Description = "Studies: smaller sweeps and networks (a first look in seconds).",
    };

    private readonly Option<int?> _size = new("--size", "-n")
    {
        Description = "Neurons per suite (default: each suite's own size).",
    };

    private readonly Option<double?> _duration = new("--duration", "-t")
    {
        Description = $"Simulated time in ms (default: the suite's own, else {RunSettings.DefaultDurationMs}).",
    };

    private readonly Option<int?> _threads = new("--threads")
    {
        Description = "Worker threads (default: the engine's choice; results do not depend on it).",
    };

    private readonly Option<ulong> _seed = new("--seed")
    {
        Description = "Network seed.",
        DefaultValueFactory = _ => RunSettings.DefaultSeed,
    };

    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = "Folder for results.json and the PNG plots.",
        DefaultValueFactory = _ => RunSettings.DefaultOutDirectory,
    };

    private readonly Option<string> _backend = new("--backend")
    {
        Description = "Engine to run on.",
        DefaultValueFactory = _ => RunSettings.DefaultBackend,
    };

    private readonly Argument<string> _peer = new("peer")
    {
        Description = "The simulator to compare with.",
    };

    private readonly Option<int[]> _sizes = new("--sizes")
    {
        Description = "Comma-separated network sizes.",
        DefaultValueFactory = _ => [4000, 40000],
        CustomParser = ParseSizes,
    };

    private readonly Option<int> _repeats = new("--repeats")
    {
        Description = "Paired repetitions per size (Snn and Brian2 alternate which goes first).",
        DefaultValueFactory = _ => 3,
    };

    private readonly Option<double> _compareDuration = new("--duration", "-t")
    {
        Description = "Simulated time in ms.",
        DefaultValueFactory = _ => 1000,
    };

    private readonly Option<int?> _compareThreads = new("--threads")
    {
        Description = "Snn worker threads (default 1, as Brian2's cpp_standalone runs on one thread).",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<ulong> _compareSeed = new("--seed")
    {
        Description = "Snn network seed.",
        DefaultValueFactory = _ => RunSettings.DefaultSeed,
    };

    private readonly Option<string> _python = new("--python")
    {
        Description = "Python interpreter that has Brian2.",
        DefaultValueFactory = _ => Brian2Peer.DefaultPython,
    };

    private readonly Option<string?> _script = new("--script")
    {
        Description = "Path of brian2_cuba.py (default: found by searching upward for shared/peers).",
    };

    private readonly Argument<string> _exportNetwork = new("network")
    {
        Description = $"The network to export: {ExportableNetworks.DemoName} or a suite.",
    };

    private readonly Option<string?> _exportOut = new("--out", "-o")
    {
        Description = "The .onnx file to write (default: <network>.onnx in the current folder).",
    };

    private readonly Option<int?> _exportSize = new("--size", "-n")
    {
        Description = $"Neurons of a suite, or hidden neurons of {ExportableNetworks.DemoName} (default: the network's own).",
    };

    private readonly Option<ulong> _exportSeed = new("--seed")
    {
        Description = "Network seed.",
        DefaultValueFactory = _ => RunSettings.DefaultSeed,
    };

    private readonly Option<bool> _membrane = new("--membrane")
    {
        Description = "Also output the membrane potential (V_<population>) of every output population.",
    };

    private readonly Option<bool> _singleStep = new("--single-step")
    {
        Description = "Export one time step with explicit state (streaming) instead of the whole time loop.",
    };

    private readonly Option<string?> _cache = new("--cache")
    {
        Description = $"The cache folder to search (default: ${DatasetCatalog.CacheVariable}, else ~/.snn/data).",
    };

    private readonly Option<string?> _systemRoot = new("--system-root")
    {
        Description = $"The operating system's data-set root (default: {DatasetCatalog.SystemRoot}).",
    };

    /// <summary>Creates the command line writing to <paramref name="console"/> (default: the terminal).</summary>
    public BenchCli(IAnsiConsole? console = null)
    {
        _console = console ?? AnsiConsole.Console;
        _suites.AcceptOnlyFromAmong([.. SuiteCatalog.Names, .. StudyCatalog.Names]);
        _exportNetwork.AcceptOnlyFromAmong([.. ExportableNetworks.Names]);
        _backend.AcceptOnlyFromAmong([.. BackendFactory.Names]);
        _peer.AcceptOnlyFromAmong("brian2");
        _size.Validators.Add(r => Check<int?>(r, v => v is null or >= 1, "--size must be at least 1."));
        _exportSize.Validators.Add(r => Check<int?>(r, v => v is null or >= 1, "--size must be at least 1."));
        _duration.Validators.Add(r => Check<double?>(r, v => v is null or (> 0 and < double.PositiveInfinity), "--duration must be a finite number of ms > 0."));
        _compareDuration.Validators.Add(r => Check<double>(r, v => v is > 0 and < double.PositiveInfinity, "--duration must be a finite number of ms > 0."));
        _threads.Validators.Add(r => Check<int?>(r, v => v is null or >= 1, "--threads must be at least 1."));
        _compareThreads.Validators.Add(r => Check<int?>(r, v => v is null or >= 1, "--threads must be at least 1."));
        _repeats.Validators.Add(r => Check<int>(r, v => v >= 1, "--repeats must be at least 1."));

        Root = new RootCommand("snn-bench: benchmark suites for the Snn spiking-network simulator. "
            + "With no command it simulates the standard CUBA network (4000 LIF neurons, 1 s, seed 42) and prints a short table.");
        Root.SetAction(_ => Guarded(DefaultRun));

        var list = new Command("list", "List the benchmark suites and studies.");
        list.SetAction(_ => Guarded(List));
        Root.Add(list);

        RunCommand = new Command("run", "Run suites with a progress bar; print a results table and write results.json and PNG plots.")
        {
            _suites, _size, _duration, _threads, _seed, _out, _backend, _quick,
        };
        RunCommand.SetAction(parse => Guarded(() => Run(RunSettingsFrom(parse), CommandText(parse))));
        Root.Add(RunCommand);

        CompareCommand = new Command("compare", "Time Snn and a peer simulator on the same CUBA network, alternating, and print the median wall-time ratios.")
        {
            _peer, _sizes, _repeats, _compareDuration, _compareThreads, _compareSeed, _python, _script,
        };
        CompareCommand.SetAction(parse => Guarded(() => Compare(CompareSettingsFrom(parse))));
        Root.Add(CompareCommand);

        ExportCommand = new Command("export", "Export a network to an ONNX file (OnnxExporter: opset 17, no custom operators).")
        {
            _exportNetwork, _exportOut, _exportSize, _exportSeed, _membrane, _singleStep,
        };
        ExportCommand.SetAction(parse => Guarded(() => Export(ExportSettingsFrom(parse))));
        Root.Add(ExportCommand);

        DatasetsCommand = new Command("datasets", "List the data sets found on this machine and the catalogue of downloadable ones.")
        {
            _cache, _systemRoot,
        };
        DatasetsCommand.SetAction(parse => Guarded(() => Datasets(DatasetsSettingsFrom(parse))));
        Root.Add(DatasetsCommand);
    }

    /// <summary>The root command.</summary>
    public RootCommand Root { get; }

    /// <summary>The <c>run</c> command.</summary>
    public Command RunCommand { get; }

    /// <summary>The <c>compare</c> command.</summary>
    public Command CompareCommand { get; }

    /// <summary>The <c>export</c> command.</summary>
    public Command ExportCommand { get; }

    /// <summary>The <c>datasets</c> command.</summary>
    public Command DatasetsCommand { get; }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public int Invoke(string[] args, InvocationConfiguration? configuration = null) => Root.Parse(args).Invoke(configuration);

    /// <summary>The settings of a parsed <c>run</c> command line.</summary>
    public RunSettings RunSettingsFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new RunSettings(
            parse.GetValue(_suites) ?? [],
            parse.GetValue(_size),
            parse.GetValue(_duration),
            parse.GetValue(_threads),
            parse.GetValue(_seed),
            parse.GetValue(_out) ?? RunSettings.DefaultOutDirectory,
            parse.GetValue(_backend) ?? RunSettings.DefaultBackend,
            parse.GetValue(_quick));
    }

    /// <summary>The settings of a parsed <c>export</c> command line.</summary>
    public ExportSettings ExportSettingsFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string network = parse.GetValue(_exportNetwork) ?? ExportableNetworks.DemoName;
        return new ExportSettings(
            network,
            parse.GetValue(_exportOut) ?? network.ToLowerInvariant() + ".onnx",
            parse.GetValue(_exportSize),
            parse.GetValue(_exportSeed),
            parse.GetValue(_membrane),
            parse.GetValue(_singleStep));
    }

    /// <summary>The settings of a parsed <c>datasets</c> command line.</summary>
    public DatasetsSettings DatasetsSettingsFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new DatasetsSettings(parse.GetValue(_cache), parse.GetValue(_systemRoot));
    }

    /// <summary>The settings of a parsed <c>compare</c> command line.</summary>
    public CompareSettings CompareSettingsFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new CompareSettings(
            parse.GetValue(_peer) ?? "brian2",
            parse.GetValue(_sizes) ?? [],
            parse.GetValue(_repeats),
            parse.GetValue(_compareDuration),
            parse.GetValue(_compareThreads),
            parse.GetValue(_compareSeed),
            parse.GetValue(_python) ?? Brian2Peer.DefaultPython,
            parse.GetValue(_script));
    }

    /// <summary>The README's main job: CUBA, 4000 neurons, 1 s, seed 42, and a short table.</summary>
    public int DefaultRun()
    {
        var options = new SuiteRunOptions(SuiteCatalog.Cuba.DefaultSize, RunSettings.DefaultDurationMs, RunSettings.DefaultSeed);
        SuiteRun run = null!;
        _console.Status().Start("Simulating the CUBA network (4000 LIF neurons, 1 s)...", _ => run = SuiteRunner.Run(SuiteCatalog.Cuba, options));
        _console.Write(ResultTables.Summary(run.Result));
        _console.MarkupLine($"[grey]Compile: {Format.Seconds(run.Result.BuildSeconds)} (not in the wall time). Seed {options.Seed}, dt {Format.Milliseconds(run.Result.DtMs)}, {Environment.ProcessorCount} cores. "
            + "More: snn-bench list | snn-bench run cuba coba izhikevich-2003 | snn-bench run sfq-xor onnx-roundtrip | snn-bench compare brian2 | snn-bench --help[/]");
        return 0;
    }

    /// <summary>Prints the suites and the studies.</summary>
    public int List()
    {
        _console.Write(ResultTables.Suites(SuiteCatalog.All));
        _console.Write(ResultTables.Studies(StudyCatalog.All));
        return 0;
    }

    /// <summary>Runs the suites and studies of <paramref name="settings"/> (suites first), prints the
    /// results table and the studies' findings, and writes their files and results.json.</summary>
    public int Run(RunSettings settings, string command = "snn-bench run")
    {
        ArgumentNullException.ThrowIfNull(settings);
        var suites = settings.Suites.Where(SuiteCatalog.Contains).Select(SuiteCatalog.Find).ToArray();
        var studies = settings.Suites.Where(n => !SuiteCatalog.Contains(n)).Select(StudyCatalog.Find).ToArray();
        foreach (var suite in suites)
        {
            int size = settings.Size ?? suite.DefaultSize;
            if (size < suite.MinimumSize)
            {
                _console.MarkupLine($"[red]--size {size} is too small for suite '{Markup.Escape(suite.Name)}' (at least {suite.MinimumSize}).[/]");
                return 1;
            }
        }
        var runs = new List<SuiteRun>();
        var studyRuns = new List<(BenchmarkStudy Study, SuiteAnalysis Analysis, double WallSeconds)>();
        _console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var tasks = suites.Select(s => context.AddTask(Markup.Escape(s.Name), autoStart: false, maxValue: settings.DurationFor(s))).ToArray();
                var studyTasks = studies.Select(s => context.AddTask(Markup.Escape(s.Name), autoStart: false, maxValue: 1)).ToArray();
                for (int i = 0; i < suites.Length; i++)
                {
                    var task = tasks[i];
                    task.StartTask();
                    var options = new SuiteRunOptions(settings.Size ?? suites[i].DefaultSize, settings.DurationFor(suites[i]), settings.Seed, settings.Threads, settings.Backend);
                    runs.Add(SuiteRunner.Run(suites[i], options, simulated => task.Value = simulated));
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
                for (int i = 0; i < studies.Length; i++)
                {
                    var task = studyTasks[i];
                    string name = Markup.Escape(studies[i].Name);
                    task.IsIndeterminate = true;
                    task.StartTask();
                    var study = new StudyContext(settings.Seed, settings.Size, settings.DurationMs, settings.Threads, settings.Quick,
                        stage => task.Description = $"{name}: {Markup.Escape(stage)}");
                    long start = Stopwatch.GetTimestamp();
                    var analysis = studies[i].Run(study);
                    studyRuns.Add((studies[i], analysis, Stopwatch.GetElapsedTime(start).TotalSeconds));
                    task.Description = name;
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            });
        var results = runs.Select(r => r.Result).ToArray();
        if (results.Length > 0)
        {
            _console.Write(ResultTables.Results(results));
        }
        var written = new List<string>();
        foreach (var run in runs)
        {
            written.AddRange(ResultPlots.WriteAll(run, settings.OutDirectory));
            if (run.Analysis is { } analysis)
            {
                foreach (string finding in analysis.Findings)
                {
                    _console.MarkupLine(Markup.Escape($"{run.Result.Suite}: {finding}"));
                }
                written.AddRange(analysis.WritePlots?.Invoke(settings.OutDirectory) ?? []);
            }
        }
        var studyResults = new List<StudyResult>();
        foreach (var (study, analysis, wallSeconds) in studyRuns)
        {
            _console.Write(new Rule($"[bold]{Markup.Escape(study.Name)}[/] [grey]({Format.Seconds(wallSeconds)})[/]").LeftJustified());
            foreach (string finding in analysis.Findings)
            {
                _console.WriteLine(finding);
            }
            var files = analysis.WritePlots?.Invoke(settings.OutDirectory) ?? [];
            written.AddRange(files);
            studyResults.Add(new StudyResult(study.Name, settings.Seed, settings.Quick, wallSeconds, analysis.Metrics, analysis.Findings, files.Select(Path.GetFileName).OfType<string>().ToArray()));
        }
        var report = new BenchmarkReport(BenchmarkReport.CurrentSchema, DateTimeOffset.UtcNow, command, MachineInfo.Current(), results, studyResults);
        written.Insert(0, ResultsJson.Write(report, settings.OutDirectory));
        _console.MarkupLine("[grey]Wrote " + Markup.Escape(string.Join(", ", written)) + "[/]");
        return 0;
    }

    /// <summary>Exports a network to ONNX and prints the model's inputs and outputs.</summary>
    public int Export(ExportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new OnnxExportOptions
        {
            IncludeMembrane = settings.IncludeMembrane,
            Form = settings.SingleStep ? OnnxModelForm.SingleStep : OnnxModelForm.TimeLoop,
            Description = $"Snn network '{settings.Network}' (seed {settings.Seed}), exported by snn-bench.",
        };
        var (network, layout) = ExportableNetworks.Export(settings.Network, settings.Size, settings.Seed, options, settings.OutPath);
        long bytes = new FileInfo(settings.OutPath).Length;
        _console.MarkupLine(Markup.Escape($"Exported {settings.Network}: {Format.Count(network.NeuronCount)} neurons, dt {Format.Milliseconds(layout.Dt)}, {layout.Form} form, to {settings.OutPath} ({Format.MiB(bytes)}, {Format.Count(bytes)} bytes; ONNX IR {OnnxExporter.IrVersion}, opset {OnnxExporter.Opset})."));
        string shape = layout.Form == OnnxModelForm.TimeLoop ? "[steps, batch, " : "[batch, ";
        _console.MarkupLine(Markup.Escape($"input {layout.InputName} {shape}{layout.InputWidth}] from {(layout.InputPopulations.Count == 0 ? "no input population" : string.Join(", ", layout.InputPopulations.Select(p => $"{p.Name} ({p.Size})")))}"));
        _console.MarkupLine(Markup.Escape($"outputs {string.Join(", ", layout.OutputNames)}"));
        if (layout.StateInputNames.Count > 0)
        {
            _console.MarkupLine(Markup.Escape($"state inputs (optional) {string.Join(", ", layout.StateInputNames)}"));
        }
        return 0;
    }

    /// <summary>Lists the data sets found locally and the downloadable catalogue.</summary>
    public int Datasets(DatasetsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string cache = settings.CacheDirectory is null ? DatasetCatalog.CacheDirectory : Path.GetFullPath(settings.CacheDirectory);
        string root = settings.SystemRoot ?? DatasetCatalog.SystemRoot;
        var local = DatasetCatalog.FindLocal(cache, root);
        if (local.Count == 0)
        {
            _console.MarkupLine(Markup.Escape($"No data sets found in {cache} or under {root}."));
        }
        else
        {
            _console.Write(ResultTables.LocalDatasets(local));
        }
        _console.Write(ResultTables.DatasetCatalogue(DatasetCatalog.All));
        foreach (var entry in DatasetCatalog.All.Where(e => !e.CanDownload))
        {
            _console.MarkupLine(Markup.Escape($"{entry.Name}: download by hand from {entry.ManualDownloadPage} into <cache>/{entry.Name}/"));
        }
        _console.MarkupLine(Markup.Escape($"Cache directory: {cache}"));
        _console.MarkupLine(Markup.Escape($"Set {DatasetCatalog.CacheVariable}=/path/to/data to use another cache (each data set in a sub-folder named after it); "
            + $"operating-system packages are found under {root}/<name>. Snn.Datasets' DatasetDownloader fetches and checks the automatic ones."));
        return 0;
    }

    /// <summary>Runs the comparison with Brian2 and prints its table.</summary>
    public int Compare(CompareSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string? script = settings.Script ?? Brian2Peer.FindScript(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        if (script is null || !File.Exists(script))
        {
            _console.MarkupLine($"[red]Cannot find {Brian2Peer.ScriptName}: looked for shared/peers/{Brian2Peer.ScriptName} in the current folder, the program's folder and their parents. Pass --script PATH.[/]");
            return 1;
        }
        var peer = new Brian2Peer(settings.Python, script);
        if (!peer.IsAvailable())
        {
            _console.MarkupLine($"[red]{Markup.Escape(settings.Python)} cannot import brian2.[/]");
            _console.MarkupLine(Markup.Escape("Install Brian2 for Debian's Python with: apt-get install -y python3-brian (as root, or with sudo), then run this again."));
            return 1;
        }
        void Log(string line) => _console.MarkupLine("[grey]" + Markup.Escape(line) + "[/]");
        IReadOnlyList<ComparisonRow> Compare(Action<string> status)
            => Brian2Comparison.Run(peer, settings.Sizes, settings.Repeats, settings.DurationMs, settings.Threads, settings.Seed, status);
        IReadOnlyList<ComparisonRow> rows = [];
        if (_console.Profile.Capabilities.Interactive)
        {
            _console.Status().Start("Starting...", context => rows = Compare(line =>
            {
                context.Status(Markup.Escape(line));
                Log(line);
            }));
        }
        else
        {
            rows = Compare(Log); // no spinner: a non-interactive console would print each status change as a line of its own
        }
        _console.Write(ResultTables.Comparison(rows, settings.Repeats));
        foreach (var row in rows)
        {
            _console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"N = {row.Neurons}: median ratio Snn/Brian2 = {row.MedianRunRatio:F3} (simulation only), {row.MedianBuildAndRunRatio:F3} (Snn compile + simulation); mean rate Snn {row.OursRateHz:F2} Hz, Brian2 {row.Brian2MeanRateHz:F2} Hz")));
        }
        _console.MarkupLine(Markup.Escape($"Snn threads: {settings.Threads?.ToString(CultureInfo.InvariantCulture) ?? "auto"}; machine: {Environment.ProcessorCount} cores, {MachineInfo.Current().Cpu}"));
        return 0;
    }

    /// <summary>Runs an action; an error it reports by exception becomes a red message and exit code 1.</summary>
    private int Guarded(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException or NotSupportedException)
        {
            _console.MarkupLine("[red]" + Markup.Escape(e.Message) + "[/]");
            return 1;
        }
    }

    private static string CommandText(ParseResult parse) => "snn-bench " + string.Join(' ', parse.Tokens.Select(t => t.Value));

    private static void Check<T>(OptionResult result, Func<T, bool> valid, string message)
    {
        T value;
        try
        {
            value = result.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            return; // not a T at all: the parser reports that itself
        }
        if (!valid(value))
        {
            result.AddError(message);
        }
    }

    private static int[] ParseSizes(ArgumentResult result)
    {
        var sizes = new List<int>();
        foreach (var token in result.Tokens)
        {
            foreach (string part in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int size) || size < 5)
                {
                    result.AddError($"--sizes: '{part}' is not a network size (an integer >= 5).");
                    return [];
                }
                sizes.Add(size);
            }
        }
        if (sizes.Count == 0)
        {
            result.AddError("--sizes needs at least one size, e.g. --sizes 4000,40000.");
        }
        return [.. sizes];
    }
}
