using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Snn.Backends.Gpu;

namespace Snn.Bench.GpuCheck;

/// <summary>
/// The GPU engine's equivalence tests (<c>Snn.Backends.Tests.Gpu</c>: same spikes, states and
/// learned weights as the CPU engine; checkpoints; bad input) on the chosen accelerator: runs
/// VSTest, the runner behind <c>dotnet test</c>, on the built test assembly with the filter
/// <see cref="Filter"/> and the environment variable <see cref="AcceleratorVariable"/> set, and reads
/// its results file. VSTest is <c>vstest.console.dll</c> from the .NET SDK (or <c>--vstest</c>), so a
/// machine with only the .NET runtime runs the tests too. A dry run runs <see cref="DryRunFilter"/>.
/// Passes when at least one test ran and none failed.
/// </summary>
public sealed class GpuTestsStep : IGpuCheckStep
{
    /// <summary>The environment variable the GPU tests read their accelerator from.</summary>
    public const string AcceleratorVariable = "SNN_GPU_ACCELERATOR";

    /// <summary>The test filter of a full run: every GPU test.</summary>
    public const string Filter = "FullyQualifiedName~Snn.Backends.Tests.Gpu.";

    /// <summary>The test filter of a dry run: the accelerator-choice tests, which include one that compiles
    /// a network on the accelerator the variable names and checks that the simulation runs there.</summary>
    public const string DryRunFilter = "FullyQualifiedName~Snn.Backends.Tests.Gpu.GpuAcceleratorChoiceTests";

    /// <summary>The results file written into the output folder.</summary>
    public const string ResultsFileName = "gpu-tests.trx";

    /// <summary>The test assembly's file name.</summary>
    public const string AssemblyFileName = "Snn.Backends.Tests.dll";

    /// <inheritdoc />
    public string Name => "gpu-tests";

    /// <inheritdoc />
    public string Description => $"the GPU equivalence tests ({Filter}) with {AcceleratorVariable} set to the accelerator";

    /// <inheritdoc />
    public int EstimatedSeconds => 30;

    /// <inheritdoc />
    public int TimeoutSeconds => 90;

    /// <inheritdoc />
    public GpuCheckStepResult Run(GpuCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string tests = context.Settings.TestsAssembly ?? FindTestsAssembly()
            ?? throw new FileNotFoundException($"{AssemblyFileName} not found beside this program's build; build tests/Snn.Backends.Tests or pass --tests PATH.");
        string vstest = context.Settings.Vstest ?? FindVstest()
            ?? throw new FileNotFoundException("vstest.console.dll not found in the .NET SDK next to this runtime; pass --vstest PATH.");
        string results = Path.GetFullPath(Path.Combine(context.Settings.OutDirectory, ResultsFileName));
        File.Delete(results);
        string filter = context.DryRun ? DryRunFilter : Filter;
        var start = new ProcessStartInfo(GpuCheckProcess.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "exec", vstest, Path.GetFullPath(tests), $"--TestCaseFilter:{filter}", $"--logger:trx;LogFileName={results}" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment[AcceleratorVariable] = GpuAcceleratorNames.Name(context.Settings.Accelerator);
        var output = GpuCheckProcess.Run(start, Timeout.InfiniteTimeSpan, Console.Out);
        if (!File.Exists(results))
        {
            throw new InvalidOperationException($"VSTest wrote no results (exit code {output.ExitCode}); its output ends: {output.Tail}");
        }
        var summary = TrxSummary.Read(results);
        var metrics = new Dictionary<string, double>
        {
            ["tests_total"] = summary.Total,
            ["tests_passed"] = summary.Passed,
            ["tests_failed"] = summary.Failed,
            ["tests_not_executed"] = summary.NotExecuted,
        };
        var findings = new List<string> { $"{AcceleratorVariable}={GpuAcceleratorNames.Name(context.Settings.Accelerator)} vstest {Path.GetFileName(tests)} --TestCaseFilter:{filter}" };
        findings.AddRange(summary.Failures.Select(f => "failed: " + f));
        bool passed = summary.Total > 0 && summary.Failed == 0 && summary.Passed > 0;
        string text = string.Create(CultureInfo.InvariantCulture,
            $"{summary.Passed}/{summary.Total} passed, {summary.Failed} failed, {summary.NotExecuted} not run on {GpuAcceleratorNames.Name(context.Settings.Accelerator)}");
        return new GpuCheckStepResult(Name, passed ? GpuCheckStatus.Passed : GpuCheckStatus.Failed, 0, 0, text, metrics, findings);
    }

    /// <summary>Snn.Backends.Tests.dll of the same configuration as this program, when this program runs from
    /// a build folder of the repository (<c>bench/Snn.Bench/bin/C/net10.0</c> or a test project's output).</summary>
    private static string? FindTestsAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        string framework = directory.Name;
        string configuration = directory.Parent?.Name ?? "";
        for (var up = directory; up is not null; up = up.Parent)
        {
            string candidate = Path.Combine(up.FullName, "tests", "Snn.Backends.Tests", "bin", configuration, framework, AssemblyFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The newest SDK's vstest.console.dll in the .NET installation this program runs on.</summary>
    private static string? FindVstest()
    {
        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (string.IsNullOrEmpty(root) || !Directory.Exists(Path.Combine(root, "sdk")))
        {
            // <root>/shared/Microsoft.NETCore.App/<version>/
            root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        }
        string sdk = Path.Combine(root, "sdk");
        return Directory.Exists(sdk)
            ? Directory.GetDirectories(sdk).Select(d => Path.Combine(d, "vstest.console.dll")).Where(File.Exists).OrderByDescending(p => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(p))?.Split('-')[0], out var v) ? v : new Version()).FirstOrDefault()
            : null;
    }
}
