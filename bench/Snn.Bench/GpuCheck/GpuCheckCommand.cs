using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Snn.Backends.Gpu;
using Snn.Bench.Cli;
using Spectre.Console;

namespace Snn.Bench.GpuCheck;

/// <summary>
/// The <c>snn-bench gpu-check</c> command: the prepared check of the GPU engine on a real GPU
/// (<see cref="GpuCheckSteps"/>), or, with <c>--dry-run</c>, the same steps at tiny sizes on
/// ILGPU's CPU accelerator. The options <see cref="RunStepOption"/> and <see cref="StepResultOption"/>
/// (hidden) make the process run one step and write its result: that is how the check gives every
/// step a process of its own.
/// </summary>
public sealed class GpuCheckCommand
{
    /// <summary>The hidden option naming the one step this process runs.</summary>
    public const string RunStepOption = "--run-step";

    /// <summary>The hidden option naming the file the one step's result goes to.</summary>
    public const string StepResultOption = "--step-result";

    private readonly IAnsiConsole _console;

    private readonly Option<string?> _accelerator = new("--accelerator")
    {
        Description = $"The accelerator of the GPU engine and the GPU tests: {string.Join(", ", GpuAcceleratorNames.All)} (default cuda; cpu with --dry-run).",
    };

    private readonly Option<bool> _dryRun = new("--dry-run")
    {
        Description = "Every step at tiny sizes on ILGPU's CPU accelerator (unless --accelerator says otherwise): checks the steps work, in about a minute; its figures mean nothing.",
    };

    private readonly Option<string?> _out = SharedOptions.Out(
        $"Folder for {GpuCheckReport.FileName}, {GpuCheckRunner.TableFileName}, {GpuCheckRunner.LogFileName} and {GpuTestsStep.ResultsFileName}.", GpuCheckSettings.DefaultOutDirectory);

    private readonly Option<string[]> _steps = new("--steps")
    {
        Description = $"Comma-separated steps to run (default all): {string.Join(", ", GpuCheckSteps.Names)}.",
        CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
    };

    private readonly Option<double> _budget = new("--budget")
    {
        Description = "The whole check's time budget (s): each step gets at most what is left, and steps are skipped once it is spent.",
        DefaultValueFactory = _ => GpuCheckSettings.DefaultBudgetSeconds,
    };

    private readonly Option<int?> _cpuThreads = new("--cpu-threads")
    {
        Description = "Threads of the CPU engine the GPU is compared with (default: one per logical core).",
    };

    private readonly Option<string?> _tests = new("--tests")
    {
        Description = $"Path of {GpuTestsStep.AssemblyFileName} (default: the repository's build of the same configuration).",
    };

    private readonly Option<string?> _vstest = new("--vstest")
    {
        Description = "Path of vstest.console.dll (default: the .NET SDK's).",
    };

    private readonly Option<bool> _inProcess = new("--in-process")
    {
        Description = "Run every step in this process instead of one process per step (a hung step is then abandoned, not stopped).",
    };

    private readonly Option<ulong> _seed = SharedOptions.Seed("Network seed of every step.");

    private readonly Option<string?> _runStep = new(RunStepOption) { Hidden = true };

    private readonly Option<string?> _stepResult = new(StepResultOption) { Hidden = true };

    /// <summary>Creates the command, printing to <paramref name="console"/>.</summary>
    public GpuCheckCommand(IAnsiConsole console)
    {
        _console = console ?? throw new ArgumentNullException(nameof(console));
        _accelerator.AcceptOnlyFromAmong([.. GpuAcceleratorNames.All]);
        _budget.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (> 0 and < double.PositiveInfinity))
            {
                r.AddError("--budget must be a finite number of seconds > 0.");
            }
        });
        _cpuThreads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--cpu-threads must be at least 1.");
            }
        });
        _steps.Validators.Add(r =>
        {
            foreach (string name in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (!GpuCheckSteps.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    r.AddError($"--steps: unknown step '{name}'; steps: {string.Join(", ", GpuCheckSteps.Names)}.");
                }
            }
        });
        Command = new Command("gpu-check", "The GPU engine on a real GPU, one prepared check: the GPU tests on the device, CUBA 4k-4M, COBA, the full-scale microcircuit and "
            + "polychronization against the CPU engine, and spike agreement; one table, one JSON file. Stops if no device of the chosen kind is found.")
        {
            _accelerator, _dryRun, _out, _steps, _budget, _cpuThreads, _tests, _vstest, _inProcess, _seed, _runStep, _stepResult,
        };
        Command.SetAction(Invoke);
    }

    /// <summary>The command.</summary>
    public Command Command { get; }

    /// <summary>The settings of a parsed command line.</summary>
    public GpuCheckSettings SettingsFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        bool dry = parse.GetValue(_dryRun);
        string? accelerator = parse.GetValue(_accelerator);
        return new GpuCheckSettings(
            accelerator is null ? (dry ? GpuAccelerator.Cpu : GpuAccelerator.Cuda) : GpuAcceleratorNames.Parse(accelerator, "--accelerator"),
            dry,
            parse.GetValue(_out) ?? GpuCheckSettings.DefaultOutDirectory,
            parse.GetValue(_steps) ?? [],
            parse.GetValue(_budget),
            parse.GetValue(_cpuThreads),
            parse.GetValue(_tests),
            parse.GetValue(_vstest),
            parse.GetValue(_inProcess),
            parse.GetValue(_seed));
    }

    /// <summary>The arguments that give a step's process the same settings (without the step options).</summary>
    public static IReadOnlyList<string> StepArguments(GpuCheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var arguments = new List<string>
        {
            "gpu-check", "--accelerator", GpuAcceleratorNames.Name(settings.Accelerator), "--out", Path.GetFullPath(settings.OutDirectory),
            "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture),
        };
        if (settings.DryRun)
        {
            arguments.Add("--dry-run");
        }
        if (settings.CpuThreads is int threads)
        {
            arguments.AddRange(["--cpu-threads", threads.ToString(CultureInfo.InvariantCulture)]);
        }
        if (settings.TestsAssembly is not null)
        {
            arguments.AddRange(["--tests", Path.GetFullPath(settings.TestsAssembly)]);
        }
        if (settings.Vstest is not null)
        {
            arguments.AddRange(["--vstest", Path.GetFullPath(settings.Vstest)]);
        }
        return arguments;
    }

    private int Invoke(ParseResult parse)
    {
        try
        {
            var settings = SettingsFrom(parse);
            string? step = parse.GetValue(_runStep);
            if (step is not null)
            {
                string result = parse.GetValue(_stepResult) ?? throw new ArgumentException($"{RunStepOption} needs {StepResultOption} FILE.", nameof(parse));
                return GpuCheckRunner.RunStep(settings, step, result);
            }
            return GpuCheckRunner.Run(settings, _console, "snn-bench " + string.Join(' ', parse.Tokens.Select(t => t.Value)), StepArguments(settings));
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            _console.MarkupLine("[red]" + Markup.Escape(e.Message) + "[/]");
            return 1;
        }
    }
}
