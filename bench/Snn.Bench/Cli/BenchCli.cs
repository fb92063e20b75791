using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Diagnostics;
using Snn.Backends.Mpi;
using Snn.Backends.Onnx;
using Snn.Bench.Compare;
using Snn.Bench.Export;
using Snn.Bench.Nir;
using Snn.Bench.Plotting;
using Snn.Bench.Results;
using Snn.Bench.Running;
using Snn.Bench.Studies;
using Snn.Bench.Suites;
using Snn.Bench.Verify;
using Snn.Core.Interop.Nir;
using Snn.Datasets.Catalog;
using Spectre.Console;

namespace Snn.Bench.Cli;

/// <summary>
/// The <c>snn-bench</c> command line (System.CommandLine 2.0): with no arguments it simulates the
/// standard CUBA network; <c>list</c>, <c>run</c>, <c>compare</c>, <c>export</c>, <c>nir</c> and <c>datasets</c> do the rest.
/// <c>run --backend mpi</c> (the default under Open MPI's <c>mpirun</c>) runs the suites inside an
/// MPI session on every rank; rank 0 alone prints and writes files.
/// </summary>
public sealed class BenchCli
{
    private readonly IAnsiConsole _console;

    private readonly RunOptionSet _run = new();

    private readonly Argument<string> _nirFile = new("file")
    {
        Description = "The .nir file to import.",
    };

    private readonly Option<double> _nirDt = new("--dt")
    {
        Description = "Simulation time step (ms).",
        DefaultValueFactory = _ => NirImportSettings.DefaultDtMs,
    };

    private readonly Option<double?> _nirDuration = SharedOptions.Duration("Simulated time (ms).", NirImportSettings.DefaultDurationMs);

    private readonly Option<double> _nirRate = new("--input-rate")
    {
        Description = "Rate of the Poisson spike trains on every channel of every Input node (Hz, 0 to 10000).",
        DefaultValueFactory = _ => NirImportSettings.DefaultInputRateHz,
    };

    private readonly Option<ulong> _nirSeed = SharedOptions.Seed("Seed of the input trains.");

    private readonly Option<string> _nirBackend = SharedOptions.Backend("Engine to run on.", RunSettings.DefaultBackend, BackendFactory.Names.Where(n => !BackendFactory.IsMpi(n)));

    private readonly Option<int?> _nirThreads = SharedOptions.Threads("Worker threads (default: the engine's choice).");

    private readonly Argument<string> _nirNetwork = new("network")
    {
        Description = $"The network to export: {ExportableNetworks.NirDemoName} (the suites have features NIR cannot express), {ExportableNetworks.DemoName} or a suite.",
    };

    private readonly Option<string?> _nirOut = SharedOptions.Out("The .nir file to write (default: <network>.nir in the current folder).");

    private readonly Option<int?> _nirSize = SharedOptions.Size("Neurons of a suite, or hidden neurons of a demo (default: the network's own).");

    private readonly Option<ulong> _nirExportSeed = SharedOptions.Seed("Network seed.");

    private readonly Argument<string> _peer = new("peer")
    {
        Description = "The simulator to compare with.",
    };

    private readonly Option<int[]?> _sizes = new("--sizes")
    {
        Description = "Comma-separated network sizes, for every suite compared (default: each suite's own, 4000,40000 for cuba and coba, the paper's 1000 for the Izhikevich networks).",
        CustomParser = ParseSizes,
    };

    private readonly Option<int> _repeats = new("--repeats")
    {
        Description = "Paired repetitions per size (Snn and Brian2 alternate which goes first).",
        DefaultValueFactory = _ => 3,
    };

    private readonly Option<double?> _compareDuration = SharedOptions.Duration("Simulated time in ms.", RunSettings.DefaultDurationMs);

    private readonly Option<int?> _compareThreads = SharedOptions.Threads("Worker threads of both simulators: Snn's threads and Brian2 cpp_standalone's OpenMP threads (default 1).", 1);

    private readonly Option<ulong> _compareSeed = SharedOptions.Seed("Snn network seed of the first repetition; repetition r uses seed + r, so that every repetition is a new network, as in Brian2.");

    private readonly Option<string> _python = new("--python")
    {
        Description = "Python interpreter that has Brian2.",
        DefaultValueFactory = _ => Brian2Peer.DefaultPython,
    };

    private readonly Option<string?> _peers = new("--peers")
    {
        Description = "Folder of the Brian2 peer scripts (brian2_cuba.py, brian2_coba.py, brian2_izhikevich_2003.py and their brian2_peer.py; default: the program's peers folder, else bench/peers of the current folder or a parent).",
    };

    private readonly Option<string[]> _compareSuites = new("--suites")
    {
        Description = "Comma-separated suites to compare (default cuba,coba; those with a Brian2 peer script: cuba, coba, izhikevich-2003, izhikevich-2003-dt0.1).",
        DefaultValueFactory = _ => [.. Brian2Peer.DefaultSuites],
        CustomParser = ParseCompareSuites,
    };

    private readonly Argument<string> _exportNetwork = new("network")
    {
        Description = $"The network to export: {ExportableNetworks.DemoName} or a suite.",
    };

    private readonly Option<string?> _exportOut = SharedOptions.Out("The .onnx file to write (default: <network>.onnx in the current folder).");

    private readonly Option<int?> _exportSize = SharedOptions.Size($"Neurons of a suite, or hidden neurons of {ExportableNetworks.DemoName} (default: the network's own).");

    private readonly Option<ulong> _exportSeed = SharedOptions.Seed("Network seed.");

    private readonly Option<bool> _membrane = new("--membrane")
    {
        Description = "Also output the membrane potential (V_<population>) of every output population.",
    };

    private readonly Option<bool> _singleStep = new("--single-step")
    {
        Description = "Export one time step with explicit state (streaming) instead of the whole time loop.",
    };

    private readonly Option<bool> _exact = new("--exact")
    {
        Description = "Export the exact reference form (the CPU engine's numbers bit for bit; the graph grows with the in-degree) instead of the fast deployment form.",
    };

    private readonly Option<bool> _latency = new("--latency")
    {
        Description = "Lay the fast form out for one sample per run (streaming, on-request classification) instead of batches of many samples: spikes delivered inside a loop find their synapses in per-run tables; the spikes are the same.",
    };

    private readonly Option<string?> _cache = new("--cache")
    {
        Description = $"The cache folder to search (default: ${DatasetCatalog.CacheVariable}, else ~/.snn/data).",
    };

    private readonly Option<string?> _systemRoot = new("--system-root")
    {
        Description = $"The operating system's data-set root (default: {DatasetCatalog.SystemRoot}).",
    };

    private readonly Option<bool> _verifyQuick = SharedOptions.Quick("Reduced sizes and durations: every row in minutes on 2 cores.");

    private readonly Option<string?> _verifyOut = SharedOptions.Out("Folder for verify.json.", RunSettings.DefaultOutDirectory);

    private readonly Option<int?> _verifyThreads = SharedOptions.Threads("Worker threads (default: the engines' choice; results do not depend on it).");

    private readonly Option<string[]> _verifyRows = new("--row")
    {
        Description = "Run only these rows (repeat the option; default: all).",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Creates the command line writing to <paramref name="console"/> (default: the terminal).</summary>
    public BenchCli(IAnsiConsole? console = null)
    {
        _console = console ?? AnsiConsole.Console;
        _exportNetwork.AcceptOnlyFromAmong([.. ExportableNetworks.Names]);
        _nirNetwork.AcceptOnlyFromAmong([.. ExportableNetworks.Names]);
        _nirDt.Validators.Add(r => SharedOptions.Check<double>(r, v => v is > 0 and <= 1000, "--dt must be a number of ms in (0, 1000]."));
        _nirRate.Validators.Add(r => SharedOptions.Check<double>(r, v => v is >= 0 and <= 10_000, "--input-rate must be a rate in [0, 10000] Hz."));
        _peer.AcceptOnlyFromAmong("brian2");
        _repeats.Validators.Add(r => SharedOptions.Check<int>(r, v => v >= 1, "--repeats must be at least 1."));

        Root = new RootCommand("snn-bench: benchmark suites for the Snn spiking-network simulator. "
            + "With no command it simulates the standard CUBA network (4000 LIF neurons, 1 s, seed 42) and prints a short table.");
        Root.SetAction(_ => Guarded(DefaultRun));

        var list = new Command("list", "List the benchmark suites and studies.");
        list.SetAction(_ => Guarded(List));
        Root.Add(list);

        RunCommand = new Command("run", "Run suites with a progress bar; print a results table and write results.json and PNG plots.");
        _run.AddTo(RunCommand);
        RunCommand.SetAction(parse => Guarded(() => Run(RunSettingsFrom(parse), CommandText(parse))));
        Root.Add(RunCommand);

        _verifyRows.AcceptOnlyFromAmong([.. VerifyRegistry.Names]);
        VerifyCommand = new Command("verify", "Reproduce the published claims (rates, windows, exactness, orderings) and print a pass/fail table with each claim's tolerance and source; writes verify.json; exit code 1 when a row fails.")
        {
            _verifyQuick, _verifyOut, _verifyThreads, _verifyRows,
        };
        VerifyCommand.SetAction(parse => Guarded(() => Verify(VerifySettingsFrom(parse), CommandText(parse))));
        Root.Add(VerifyCommand);

        CompareCommand = new Command("compare", "Time Snn and a peer simulator on the same CUBA, COBA and Izhikevich 2003 networks, alternating, and print the median wall-time ratios and both rates.")
        {
            _peer, _compareSuites, _sizes, _repeats, _compareDuration, _compareThreads, _compareSeed, _python, _peers,
        };
        CompareCommand.SetAction(parse => Guarded(() => Compare(CompareSettingsFrom(parse))));
        Root.Add(CompareCommand);

        ExportCommand = new Command("export", "Export a network to an ONNX file (OnnxExporter: opset 17, no custom operators).")
        {
            _exportNetwork, _exportOut, _exportSize, _exportSeed, _membrane, _singleStep, _exact, _latency,
        };
        ExportCommand.SetAction(parse => Guarded(() => Export(ExportSettingsFrom(parse))));
        Root.Add(ExportCommand);

        DatasetsCommand = new Command("datasets", "List the data sets found on this machine and the catalogue of downloadable ones.")
        {
            _cache, _systemRoot,
        };
        DatasetsCommand.SetAction(parse => Guarded(() => Datasets(DatasetsSettingsFrom(parse))));
        Root.Add(DatasetsCommand);

        NirImportCommand = new Command("import", "Import a NIR graph, drive its Input nodes with Poisson spike trains and print each Output node's spike counts.")
        {
            _nirFile, _nirDt, _nirDuration, _nirRate, _nirSeed, _nirBackend, _nirThreads,
        };
        NirImportCommand.SetAction(parse => Guarded(() => NirImport(NirImportSettingsFrom(parse))));
        NirExportCommand = new Command("export", "Write a network as a NIR graph (NirExporter); what NIR cannot express is an error.")
        {
            _nirNetwork, _nirOut, _nirSize, _nirExportSeed,
        };
        NirExportCommand.SetAction(parse => Guarded(() => NirExport(NirExportSettingsFrom(parse))));
        Root.Add(new Command("nir", "NIR (neuromorphic intermediate representation) graphs: import and run one, or export a network.")
        {
            NirImportCommand, NirExportCommand,
        });
        Root.Add(new GpuCheck.GpuCheckCommand(_console).Command);
        Root.Add(new SfqCalibrateCommand(_console).Command);
    }

    /// <summary>The root command.</summary>
    public RootCommand Root { get; }

    /// <summary>The <c>run</c> command.</summary>
    public Command RunCommand { get; }

    /// <summary>The <c>verify</c> command.</summary>
    public Command VerifyCommand { get; }

    /// <summary>The <c>compare</c> command.</summary>
    public Command CompareCommand { get; }

    /// <summary>The <c>export</c> command.</summary>
    public Command ExportCommand { get; }

    /// <summary>The <c>datasets</c> command.</summary>
    public Command DatasetsCommand { get; }

    /// <summary>The <c>nir import</c> command.</summary>
    public Command NirImportCommand { get; }

    /// <summary>The <c>nir export</c> command.</summary>
    public Command NirExportCommand { get; }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public int Invoke(string[] args, InvocationConfiguration? configuration = null) => Root.Parse(args).Invoke(configuration);

    /// <summary>The settings of a parsed <c>run</c> command line.</summary>
    public RunSettings RunSettingsFrom(ParseResult parse) => _run.Read(parse);

    /// <summary>The settings of a parsed <c>verify</c> command line.</summary>
    public VerifySettings VerifySettingsFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new VerifySettings(parse.GetValue(_verifyQuick), parse.GetValue(_verifyOut) ?? RunSettings.DefaultOutDirectory, parse.GetValue(_verifyThreads),
            parse.GetValue(_verifyRows) ?? []);
    }

    /// <summary>The settings of a parsed <c>nir import</c> command line.</summary>
    public NirImportSettings NirImportSettingsFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new NirImportSettings(
            parse.GetValue(_nirFile) ?? "",
            parse.GetValue(_nirDt),
            parse.GetValue(_nirDuration) ?? NirImportSettings.DefaultDurationMs,
            parse.GetValue(_nirRate),
            parse.GetValue(_nirSeed),
            parse.GetValue(_nirBackend) ?? RunSettings.DefaultBackend,
            parse.GetValue(_nirThreads));
    }

    /// <summary>The settings of a parsed <c>nir export</c> command line.</summary>
    public NirExportSettings NirExportSettingsFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string network = parse.GetValue(_nirNetwork) ?? ExportableNetworks.NirDemoName;
        return new NirExportSettings(network, parse.GetValue(_nirOut) ?? network.ToLowerInvariant() + ".nir", parse.GetValue(_nirSize), parse.GetValue(_nirExportSeed));
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
            parse.GetValue(_singleStep),
            parse.GetValue(_exact),
            parse.GetValue(_latency));
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
            parse.GetValue(_compareSuites) ?? [],
            parse.GetValue(_sizes) is { Length: > 0 } sizes ? sizes : null,
            parse.GetValue(_repeats),
            parse.GetValue(_compareDuration) ?? RunSettings.DefaultDurationMs,
            parse.GetValue(_compareThreads),
            parse.GetValue(_compareSeed),
            parse.GetValue(_python) ?? Brian2Peer.DefaultPython,
            parse.GetValue(_peers));
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
    /// results table and the studies' findings, and writes their files and results.json. With the
    /// <c>mpi</c> engine every rank runs the suites inside an MPI session and rank 0 alone prints and
    /// writes; under <c>mpirun</c> with several ranks another engine is refused (each rank would run
    /// the whole suite on its own).</summary>
    public int Run(RunSettings settings, string command = "snn-bench run")
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (BackendFactory.IsMpi(settings.Backend))
        {
            var studies = settings.Suites.Where(n => !SuiteCatalog.Contains(n)).ToArray();
            if (studies.Length > 0)
            {
                _console.MarkupLine("[red]" + Markup.Escape($"Studies ({string.Join(", ", studies)}) do not run on the mpi engine; run them without mpirun and --backend mpi.") + "[/]");
                return 1;
            }
            return MpiSession.Run(session =>
            {
                var console = session.Rank == 0 ? _console : SilentConsole();
                return Guarded(() => Run(settings, command, session, console), console);
            });
        }
        if (BackendFactory.MpirunRanks is > 1)
        {
            _console.MarkupLine("[red]" + Markup.Escape($"This process is one of {BackendFactory.MpirunRanks} ranks started by mpirun, but --backend is {settings.Backend}: every rank would run the whole suite alone. Use --backend mpi (the default under mpirun).") + "[/]");
            return 1;
        }
        return Run(settings, command, null, _console);
    }

    private int Run(RunSettings settings, string command, MpiSession? session, IAnsiConsole console)
    {
        var suites = settings.Suites.Where(SuiteCatalog.Contains).Select(SuiteCatalog.Find).ToArray();
        var studies = settings.Suites.Where(n => !SuiteCatalog.Contains(n)).Select(StudyCatalog.Find).ToArray();
        if (settings.Scale is not null && settings.Size is not null)
        {
            console.MarkupLine("[red]--scale and --size both set the number of neurons: give one.[/]");
            return 1;
        }
        if (settings.Scale is not null && suites.FirstOrDefault(s => s.FullSize is null) is { } unscalable)
        {
            console.MarkupLine("[red]" + Markup.Escape($"--scale applies only to suites with a published full scale (microcircuit); '{unscalable.Name}' has none.") + "[/]");
            return 1;
        }
        if (settings.InDegreeScale is not null && (suites.Length == 0 || suites.FirstOrDefault(s => !s.ScalesInDegrees) is not null))
        {
            string name = suites.FirstOrDefault(s => !s.ScalesInDegrees)?.Name ?? "no suite";
            console.MarkupLine("[red]" + Markup.Escape($"--k-scale applies only to suites that scale in-degrees (microcircuit); the run has '{name}'.") + "[/]");
            return 1;
        }
        foreach (var suite in suites)
        {
            int size = settings.SizeFor(suite);
            if (size < suite.MinimumSize)
            {
                console.MarkupLine($"[red]--size {size} is too small for suite '{Markup.Escape(suite.Name)}' (at least {suite.MinimumSize}).[/]");
                return 1;
            }
        }
        bool liquidOrKernelOnly = settings.Nalsm with { Liquid = null, Kernel = null } == NalsmStudyOptions.None;
        bool kernelOnly = settings.Nalsm with { Kernel = null } == NalsmStudyOptions.None;
        if (settings.Nalsm.AnyGiven && !studies.Contains(StudyCatalog.NalsmFashionMnist) && !(liquidOrKernelOnly && studies.Contains(StudyCatalog.NalsmLiquid))
            && !(kernelOnly && studies.Contains(StudyCatalog.NalsmBranching)))
        {
            console.MarkupLine("[red]" + Markup.Escape($"--kernel applies only to {StudyCatalog.NalsmFashionMnist.Name}, {StudyCatalog.NalsmLiquid.Name} and {StudyCatalog.NalsmBranching.Name}, --liquid only to {StudyCatalog.NalsmFashionMnist.Name} and {StudyCatalog.NalsmLiquid.Name}, and --variant, --features and --readout only to {StudyCatalog.NalsmFashionMnist.Name}, which is not among the runs.") + "[/]");
            return 1;
        }
        if (!string.Equals(settings.Backend, RunSettings.DefaultBackend, StringComparison.OrdinalIgnoreCase)
            && studies.FirstOrDefault(s => s != StudyCatalog.NalsmFashionMnist) is { } fixedEngines)
        {
            console.MarkupLine("[red]" + Markup.Escape($"--backend {settings.Backend} applies to the suites and {StudyCatalog.NalsmFashionMnist.Name}; the study '{fixedEngines.Name}' runs on the engines it compares (run it without --backend).") + "[/]");
            return 1;
        }
        foreach (var study in studies)
        {
            if (study.CheckInputs(settings.StudyContext()) is { } problem)
            {
                console.MarkupLine("[red]" + Markup.Escape(problem) + "[/]");
                return 1;
            }
        }
        var runs = new List<SuiteRun>();
        var studyRuns = new List<(BenchmarkStudy Study, SuiteAnalysis Analysis, double WallSeconds)>();
        console.Progress()
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
                    var options = new SuiteRunOptions(settings.SizeFor(suites[i]), settings.DurationFor(suites[i]), settings.Seed, settings.Threads, settings.Backend,
                        Session: session, InDegreeScale: settings.InDegreeScale, PowerWatts: settings.PowerWatts);
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
                    var study = settings.StudyContext(stage => task.Description = $"{name}: {Markup.Escape(stage)}", done =>
                    {
                        task.IsIndeterminate = false;
                        task.Value = done * task.MaxValue;
                    });
                    long start = Stopwatch.GetTimestamp();
                    var analysis = studies[i].Run(study);
                    studyRuns.Add((studies[i], analysis, Stopwatch.GetElapsedTime(start).TotalSeconds));
                    task.Description = name;
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            });
        if (session is { Rank: > 0 })
        {
            return 0; // every collective call is behind us; rank 0 reports
        }
        var results = runs.Select(r => r.Result).ToArray();
        if (results.Length > 0)
        {
            console.Write(ResultTables.Results(results));
        }
        foreach (var result in results.Where(r => r.RankTimings is not null))
        {
            console.Write(ResultTables.RankTimings(result));
        }
        var written = new List<string>();
        foreach (var run in runs)
        {
            written.AddRange(ResultPlots.WriteAll(run, settings.OutDirectory));
            foreach (string finding in run.Result.Findings ?? [])
            {
                console.MarkupLine(Markup.Escape($"{run.Result.Suite}: {finding}"));
            }
            written.AddRange(run.Analysis?.WritePlots?.Invoke(settings.OutDirectory) ?? []);
        }
        var studyResults = new List<StudyResult>();
        foreach (var (study, analysis, wallSeconds) in studyRuns)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(study.Name)}[/] [grey]({Format.Seconds(wallSeconds)})[/]").LeftJustified());
            foreach (string finding in analysis.Findings)
            {
                console.WriteLine(finding);
            }
            var files = analysis.WritePlots?.Invoke(settings.OutDirectory) ?? [];
            written.AddRange(files);
            studyResults.Add(new StudyResult(study.Name, settings.Seed, settings.Quick, wallSeconds, analysis.Metrics, analysis.Findings, files.Select(Path.GetFileName).OfType<string>().ToArray()));
        }
        var report = new BenchmarkReport(BenchmarkReport.CurrentSchema, DateTimeOffset.UtcNow, command, MachineInfo.Current(), results, studyResults);
        written.Insert(0, ResultsJson.Write(report, settings.OutDirectory));
        console.MarkupLine("[grey]Wrote " + Markup.Escape(string.Join(", ", written)) + "[/]");
        return 0;
    }

    /// <summary>Runs the verify rows, prints each as it ends and then the table, writes verify.json;
    /// returns 1 when a row failed.</summary>
    public int Verify(VerifySettings settings, string command = "snn-bench verify")
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rows = settings.Rows.Count == 0 ? VerifyRegistry.All : VerifyRegistry.All.Where(r => settings.Rows.Contains(r.Name, StringComparer.OrdinalIgnoreCase)).ToArray();
        var context = new VerifyContext(settings.Quick, settings.Threads, stage => _console.MarkupLine("[grey]" + Markup.Escape(stage) + "[/]"));
        var report = VerifyRunner.Run(rows, context, command, outcome => _console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Row}: {outcome.Status.ToString().ToLowerInvariant()} ({outcome.Measured}; {outcome.WallSeconds:F1} s)"))));
        _console.Write(VerifyTable.Of(report));
        string path = VerifyRunner.Write(report, settings.OutDirectory);
        _console.MarkupLine(Markup.Escape(VerifyTable.Summary(report)));
        _console.MarkupLine("[grey]Wrote " + Markup.Escape(path) + "[/]");
        return report.Failed > 0 ? 1 : 0;
    }

    /// <summary>Exports a network to ONNX and prints the model's inputs and outputs.</summary>
    public int Export(ExportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new OnnxExportOptions
        {
            IncludeMembrane = settings.IncludeMembrane,
            Form = settings.Exact ? OnnxModelForm.Exact : OnnxModelForm.Fast,
            Shape = settings.SingleStep ? OnnxTimeShape.SingleStep : OnnxTimeShape.TimeLoop,
            PerformanceHint = settings.Latency ? OnnxPerformanceHint.Latency : OnnxPerformanceHint.Throughput,
            Description = $"Snn network '{settings.Network}' (seed {settings.Seed}), exported by snn-bench.",
        };
        var (network, layout) = ExportableNetworks.Export(settings.Network, settings.Size, settings.Seed, options, settings.OutPath);
        long bytes = new FileInfo(settings.OutPath).Length;
        _console.MarkupLine(Markup.Escape($"Exported {settings.Network}: {Format.Count(network.NeuronCount)} neurons, dt {Format.Milliseconds(layout.Dt)}, {layout.Form} form{(settings.Latency ? " laid out for latency" : "")}, {layout.Shape} shape, to {settings.OutPath} ({Format.MiB(bytes)}, {Format.Count(bytes)} bytes; ONNX IR {OnnxExporter.IrVersion}, opset {OnnxExporter.Opset})."));
        string shape = layout.Shape == OnnxTimeShape.TimeLoop ? "[steps, batch, " : "[batch, ";
        _console.MarkupLine(Markup.Escape($"input {layout.InputName} {shape}{layout.InputWidth}] from {(layout.InputPopulations.Count == 0 ? "no input population" : string.Join(", ", layout.InputPopulations.Select(p => $"{p.Name} ({p.Size})")))}"));
        _console.MarkupLine(Markup.Escape($"outputs {string.Join(", ", layout.OutputNames)}"));
        if (layout.StateInputNames.Count > 0)
        {
            _console.MarkupLine(Markup.Escape($"state inputs (optional) {string.Join(", ", layout.StateInputNames)}"));
        }
        return 0;
    }

    /// <summary>Imports a NIR graph, runs it with Poisson inputs and prints each output's spike counts.</summary>
    public int NirImport(NirImportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = NirRunner.Run(settings);
        _console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Path} (NIR {result.Version ?? "version not recorded"}): {Format.Count(result.Neurons)} neurons, {Format.Count(result.Synapses)} synapses; dt {Format.Milliseconds(settings.DtMs)}, {Format.Milliseconds(settings.DurationMs)} on {settings.Backend} (compile {Format.Seconds(result.CompileSeconds)}, run {Format.Seconds(result.RunSeconds)})")));
        foreach (var input in result.Inputs)
        {
            _console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"input {input.Input}: {input.Channels} channels, Poisson {settings.InputRateHz:G4} Hz each (seed {settings.Seed}): {Format.Count(input.Spikes)} spikes")));
        }
        _console.Write(ResultTables.NirOutputs(result.Outputs, settings.DurationMs));
        return 0;
    }

    /// <summary>Writes a network as a NIR graph; what NIR cannot express is the exporter's message and exit code 1.</summary>
    public int NirExport(NirExportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var network = ExportableNetworks.Build(settings.Network, settings.Size, settings.Seed);
        var graph = NirExporter.ToGraph(network);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(settings.OutPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        NirFile.Write(graph, settings.OutPath);
        long bytes = new FileInfo(settings.OutPath).Length;
        var types = graph.Nodes.Values.GroupBy(n => n.Type).Select(g => $"{g.Count()} {g.Key}");
        _console.MarkupLine(Markup.Escape($"Exported {settings.Network}: {Format.Count(network.NeuronCount)} neurons, {Format.Count(network.Projections.Count)} projections, to {settings.OutPath} ({Format.Count(bytes)} bytes; NIR {NirFile.WriterVersion}): {graph.Nodes.Count} nodes ({string.Join(", ", types)}), {graph.Edges.Count} edges."));
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
        string? peers = settings.PeersDirectory ?? Brian2Peer.FindPeersDirectory(AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        if (peers is null || !Directory.Exists(peers))
        {
            _console.MarkupLine(Markup.Escape($"Cannot find the Brian2 peer scripts ({string.Join(", ", Brian2Peer.Files)}): "
                + "looked in the program's peers folder and in bench/peers of the current folder and its parents. Pass --peers DIR."));
            return 1;
        }
        var peer = new Brian2Peer(settings.Python, peers);
        if (!peer.IsAvailable())
        {
            _console.MarkupLine($"[red]{Markup.Escape(settings.Python)} cannot import brian2.[/]");
            _console.MarkupLine(Markup.Escape("Install Brian2 for Debian's Python with: apt-get install -y python3-brian (as root, or with sudo), then run this again."));
            return 1;
        }
        void Log(string line) => _console.MarkupLine("[grey]" + Markup.Escape(line) + "[/]");
        IReadOnlyList<ComparisonRow> Compare(Action<string> status)
            => Brian2Comparison.Run(peer, settings.Suites, settings.Sizes, settings.Repeats, settings.DurationMs, settings.Threads, settings.Seed, status);
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
                $"{row.Suite}, N = {row.Neurons}: median ratio Snn/Brian2 = {row.MedianRunRatio:F3} (simulation only), {row.MedianBuildAndRunRatio:F3} (Snn compile + simulation); mean rate Snn {row.OursMeanRateHz:F2} Hz, Brian2 {row.Brian2MeanRateHz:F2} Hz ({row.RateDifference * 100:+0.0;-0.0} %)")));
        }
        var machine = MachineInfo.Current();
        _console.MarkupLine(Markup.Escape($"Threads (Snn and Brian2's OpenMP): {settings.Threads?.ToString(CultureInfo.InvariantCulture) ?? "auto"}; machine: {machine.LogicalCores} cores, {machine.Cpu}, {machine.VectorIsa}"));
        return 0;
    }

    /// <summary>Runs an action; an error it reports by exception becomes a red message (on
    /// <paramref name="console"/>, default the command line's) and exit code 1.</summary>
    private int Guarded(Func<int> action, IAnsiConsole? console = null)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or InvalidDataException or UnauthorizedAccessException
            or TimeoutException or NotSupportedException or MpiUnavailableException)
        {
            (console ?? _console).MarkupLine("[red]" + Markup.Escape(e.Message) + "[/]");
            return 1;
        }
    }

    /// <summary>A console that prints nothing: MPI ranks other than 0 run silently.</summary>
    private static IAnsiConsole SilentConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(TextWriter.Null),
    });

    private static string CommandText(ParseResult parse) => "snn-bench " + string.Join(' ', parse.Tokens.Select(t => t.Value));

    private static string[] ParseCompareSuites(ArgumentResult result)
    {
        var suites = new List<string>();
        foreach (var token in result.Tokens)
        {
            foreach (string part in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string name = part.ToLowerInvariant();
                if (!Brian2Peer.Suites.Contains(name))
                {
                    result.AddError($"--suites: '{part}' has no Brian2 peer script; choose from {string.Join(", ", Brian2Peer.Suites)}.");
                    return [];
                }
                suites.Add(name);
            }
        }
        if (suites.Count == 0)
        {
            result.AddError("--suites needs at least one suite, e.g. --suites cuba,coba.");
        }
        return [.. suites.Distinct()];
    }

    private static int[]? ParseSizes(ArgumentResult result)
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
