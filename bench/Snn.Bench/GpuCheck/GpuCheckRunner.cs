using System.Diagnostics;
using System.Globalization;
using Snn.Backends.Gpu;
using Snn.Bench.Results;
using Snn.Bench.Running;
using Snn.Core.IO;
using Spectre.Console;

namespace Snn.Bench.GpuCheck;

/// <summary>
/// Runs the <c>gpu-check</c> steps: first makes sure a device of the chosen kind exists (else stops
/// with exit code <see cref="NoDeviceExitCode"/> and says how to get one or do a dry run), then runs
/// each step in its own process under its own timeout (at most what is left of the budget),
/// rewrites the report after each step, and ends with one table. Exit code 0 when every step
/// passed, 1 otherwise.
/// </summary>
public static class GpuCheckRunner
{
    /// <summary>The exit code when no device of the chosen kind is found.</summary>
    public const int NoDeviceExitCode = 2;

    /// <summary>A step is skipped when less than this is left of the budget (s).</summary>
    public const double MinimumStepSeconds = 10;

    /// <summary>The plain-text copy of the table in the output folder.</summary>
    public const string TableFileName = "gpu-check.txt";

    /// <summary>Every step process's output, one after the other, in the output folder.</summary>
    public const string LogFileName = "gpu-check.log";

    /// <summary>Runs the steps of <paramref name="settings"/> and returns the exit code.</summary>
    /// <param name="settings">What to run.</param>
    /// <param name="console">Where the progress and the table go.</param>
    /// <param name="command">The command line, for the report.</param>
    /// <param name="stepArguments">The command-line arguments that give a step's process the same settings.</param>
    public static int Run(GpuCheckSettings settings, IAnsiConsole console, string command, IReadOnlyList<string> stepArguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var steps = settings.Steps.Count == 0 ? GpuCheckSteps.All : settings.Steps.Select(GpuCheckSteps.Find).ToArray();
        Directory.CreateDirectory(settings.OutDirectory);
        var devices = IlgpuDevices.InAutoOrder();
        var report = new GpuCheckReport(GpuCheckReport.SchemaName, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture), command, MachineInfo.Current(),
            GpuAcceleratorNames.Name(settings.Accelerator), devices, settings.DryRun, settings.BudgetSeconds, false, []);
        if (settings.Accelerator != GpuAccelerator.Auto && !devices.Any(d => d.StartsWith(settings.Accelerator + " '", StringComparison.OrdinalIgnoreCase)))
        {
            string seen = devices.Count == 0 ? "none" : string.Join(", ", devices);
            console.MarkupLine($"[red]No {Markup.Escape(settings.Accelerator.ToString())} device found[/] (ILGPU lists: {Markup.Escape(seen)}). gpu-check stops here: "
                + "it needs an NVIDIA GPU with its driver (libcuda.so) for --accelerator cuda. Without a GPU, run it as a dry run: "
                + "--dry-run (tiny sizes on ILGPU's CPU accelerator).");
            report.Write(settings.OutDirectory);
            return NoDeviceExitCode;
        }
        console.MarkupLine(Markup.Escape($"gpu-check on {GpuAcceleratorNames.Name(settings.Accelerator)} ({(devices.Count == 0 ? "no device listed" : devices[0])}), "
            + $"{steps.Count} steps, budget {settings.BudgetSeconds:F0} s{(settings.DryRun ? ", dry run (tiny sizes)" : "")}"));
        var results = new List<GpuCheckStepResult>();
        var clock = Stopwatch.StartNew();
        using var log = new StreamWriter(Path.Combine(settings.OutDirectory, LogFileName), append: false) { AutoFlush = true };
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            double left = settings.BudgetSeconds - clock.Elapsed.TotalSeconds;
            double timeout = settings.DryRun ? left : Math.Min(step.TimeoutSeconds, left);
            GpuCheckStepResult result;
            if (left < MinimumStepSeconds)
            {
                result = GpuCheckStepResult.Empty(step.Name, GpuCheckStatus.Skipped, 0, 0,
                    string.Create(CultureInfo.InvariantCulture, $"budget spent: {left:F0} s of {settings.BudgetSeconds:F0} s left"));
            }
            else
            {
                log.WriteLine($"==== {step.Name} (timeout {timeout:F0} s) ====");
                var watch = Stopwatch.StartNew();
                result = settings.InProcess ? RunHere(step, settings, timeout) : RunInProcessOfItsOwn(step, timeout, stepArguments, log);
                result = result with { Step = step.Name, Seconds = watch.Elapsed.TotalSeconds, TimeoutSeconds = timeout };
            }
            results.Add(result);
            report = report with { Steps = [.. results], Complete = i == steps.Count - 1 };
            report.Write(settings.OutDirectory);
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"[{i + 1}/{steps.Count}] {step.Name}: {result.Status} ({result.Seconds:F1} s)")));
        }
        var table = Table(results, settings);
        console.Write(table);
        AtomicFile.WriteText(Path.Combine(settings.OutDirectory, TableFileName), PlainText(table));
        console.MarkupLine(Markup.Escape($"Wrote {Path.Combine(settings.OutDirectory, GpuCheckReport.FileName)}, {TableFileName}, {LogFileName}"
            + (File.Exists(Path.Combine(settings.OutDirectory, GpuTestsStep.ResultsFileName)) ? $", {GpuTestsStep.ResultsFileName}" : "")));
        return results.All(r => r.Status == GpuCheckStatus.Passed) ? 0 : 1;
    }

    /// <summary>Runs one step here and writes its result to <paramref name="resultPath"/> (what a step's process does).</summary>
    public static int RunStep(GpuCheckSettings settings, string stepName, string resultPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        GpuCheckReport.WriteStep(Execute(GpuCheckSteps.Find(stepName), settings), resultPath);
        return 0;
    }

    private static GpuCheckStepResult Execute(IGpuCheckStep step, GpuCheckSettings settings)
    {
        try
        {
            return step.Run(new GpuCheckContext(settings));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.WriteLine(e);
            return GpuCheckStepResult.Empty(step.Name, GpuCheckStatus.Error, 0, 0, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static GpuCheckStepResult RunHere(IGpuCheckStep step, GpuCheckSettings settings, double timeout)
    {
        var task = Task.Run(() => Execute(step, settings));
        return task.Wait(TimeSpan.FromSeconds(timeout))
            ? task.Result
            : GpuCheckStepResult.Empty(step.Name, GpuCheckStatus.Timeout, 0, 0, string.Create(CultureInfo.InvariantCulture, $"still running after {timeout:F0} s (abandoned: --in-process cannot stop it)"));
    }

    private static GpuCheckStepResult RunInProcessOfItsOwn(IGpuCheckStep step, double timeout, IReadOnlyList<string> stepArguments, TextWriter log)
    {
        string resultPath = Path.Combine(Path.GetTempPath(), $"snn-gpu-check-{Environment.ProcessId}-{step.Name}.json");
        File.Delete(resultPath);
        var (file, prefix) = GpuCheckProcess.Self();
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in prefix.Concat(stepArguments).Concat([GpuCheckCommand.RunStepOption, step.Name, GpuCheckCommand.StepResultOption, resultPath]))
        {
            start.ArgumentList.Add(argument);
        }
        var outcome = GpuCheckProcess.Run(start, TimeSpan.FromSeconds(timeout), log);
        try
        {
            if (outcome.TimedOut)
            {
                return GpuCheckStepResult.Empty(step.Name, GpuCheckStatus.Timeout, 0, 0,
                    string.Create(CultureInfo.InvariantCulture, $"stopped after {timeout:F0} s; output ends: {outcome.Tail}"));
            }
            return File.Exists(resultPath)
                ? GpuCheckReport.ReadStep(resultPath)
                : GpuCheckStepResult.Empty(step.Name, GpuCheckStatus.Error, 0, 0, $"the step's process ended (exit code {outcome.ExitCode}) without a result; output ends: {outcome.Tail}");
        }
        finally
        {
            File.Delete(resultPath);
        }
    }

    private static Table Table(IReadOnlyList<GpuCheckStepResult> results, GpuCheckSettings settings)
    {
        var table = new Table().Title(Markup.Escape($"gpu-check: {GpuAcceleratorNames.Name(settings.Accelerator)}{(settings.DryRun ? " (dry run)" : "")}"));
        table.AddColumn("step");
        table.AddColumn("status");
        table.AddColumn(new TableColumn("s (limit)").RightAligned());
        table.AddColumn("result");
        foreach (var r in results)
        {
            string status = r.Status == GpuCheckStatus.Passed ? "[green]passed[/]" : $"[red]{Markup.Escape(r.Status)}[/]";
            string summary = r.Summary.Length > 400 ? r.Summary[..400] + "…" : r.Summary;
            table.AddRow(Markup.Escape(r.Step), status, string.Create(CultureInfo.InvariantCulture, $"{r.Seconds:F1} ({r.TimeoutSeconds:F0})"), Markup.Escape(summary));
        }
        return table;
    }

    private static string PlainText(Table table)
    {
        using var writer = new StringWriter();
        var plain = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        plain.Profile.Width = 240;
        plain.Write(table);
        return writer.ToString();
    }
}
