using Snn.Bench.Cli;
using Snn.Bench.GpuCheck;
using Snn.Bench.Results;
using Snn.Bench.Running;
using Snn.Tests.Shared;

namespace Snn.Bench.Tests.GpuCheck;

/// <summary>
/// <c>gpu-check</c> end to end as a dry run on ILGPU's CPU accelerator at tiny sizes, so the
/// prepared GPU check cannot rot while no GPU is at hand: every step runs, and its numbers are
/// those of working engines (spikes on both, equal on the CPU accelerator, device memory planned).
/// </summary>
public class GpuCheckDryRunTests
{
    /// <summary>A budget (s) that no load on the test machine reaches: a dry run's time is the machine's, not the device's.</summary>
    private const string UnreachableBudgetSeconds = "86400";

    private static double Metric(GpuCheckStepResult step, string name)
        => step.Metrics.TryGetValue(name, out double value) ? value : throw new Xunit.Sdk.XunitException($"step {step.Step} has no metric {name}: {string.Join(", ", step.Metrics.Keys)}");

    [Fact]
    public void DryRunRunsEveryStepAndReportsWorkingEngines()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["gpu-check", "--dry-run", "--in-process", "--cpu-threads", "2", "--budget", UnreachableBudgetSeconds, "--out", directory.Path]);

        Assert.True(code == 0, console.Text);
        var report = GpuCheckReport.Read(Path.Combine(directory.Path, GpuCheckReport.FileName));
        Assert.Equal(GpuCheckReport.SchemaName, report.Schema);
        Assert.True(report.DryRun);
        Assert.True(report.Complete);
        Assert.Equal("cpu", report.Accelerator);
        Assert.Equal(GpuCheckSteps.Names, report.Steps.Select(s => s.Step));
        Assert.All(report.Steps, s => Assert.True(s.Status == GpuCheckStatus.Passed, $"{s.Step}: {s.Status} {s.Error} {string.Join(" | ", s.Findings)}"));
        Assert.All(report.Steps, s => Assert.InRange(s.Seconds, 1e-6, s.TimeoutSeconds));

        var tests = report.Steps.Single(s => s.Step == "gpu-tests");
        Assert.True(Metric(tests, "tests_passed") >= 4);
        Assert.Equal(Metric(tests, "tests_total"), Metric(tests, "tests_passed"));
        Assert.Equal(0, Metric(tests, "tests_failed"));
        Assert.True(File.Exists(Path.Combine(directory.Path, GpuTestsStep.ResultsFileName)));

        var agreement = report.Steps.Single(s => s.Step == "agreement");
        foreach (string network in new[] { "feed_forward", "cuba", "microcircuit" })
        {
            Assert.True(Metric(agreement, network + "_reference_spikes") > 0, network);
            Assert.Equal(Metric(agreement, network + "_reference_spikes"), Metric(agreement, network + "_gpu_spikes"));
            Assert.Equal(1, Metric(agreement, network + "_identical_spikes"));
            Assert.True(double.IsNaN(Metric(agreement, network + "_first_divergent_step")));
        }

        foreach (var step in report.Steps.Where(s => s.Step.StartsWith("cuba-", StringComparison.Ordinal) || s.Step is "coba-40k" or "polychronization-60s"))
        {
            Assert.True(Metric(step, "cpu_spikes") > 0, step.Step);
            Assert.Equal(Metric(step, "cpu_spikes"), Metric(step, "gpu_spikes"));
            Assert.Equal(1, Metric(step, "identical_spikes"));
            Assert.True(Metric(step, "synapses") > 0, step.Step);
            Assert.True(Metric(step, "gpu_planned_device_bytes") > Metric(step, "neurons") * 6 * sizeof(float), step.Step);
            Assert.True(Metric(step, "gpu_wall_s") > 0 && Metric(step, "cpu_wall_s") > 0, step.Step);
            Assert.Equal(Metric(step, "cpu_wall_s") / Metric(step, "gpu_wall_s"), Metric(step, "speedup"), 9);
            Assert.Equal(2, Metric(step, "cpu_threads"));
        }
        Assert.Equal(100, Metric(report.Steps.Single(s => s.Step == "cuba-4k"), "neurons"));
        Assert.Equal(400, Metric(report.Steps.Single(s => s.Step == "cuba-4m"), "neurons"));
        var polychronization = report.Steps.Single(s => s.Step == "polychronization-60s");
        Assert.Equal(Metric(polychronization, "cpu_weights_below_1_fraction"), Metric(polychronization, "gpu_weights_below_1_fraction"));
        Assert.Equal(Metric(polychronization, "cpu_weights_above_9_fraction"), Metric(polychronization, "gpu_weights_above_9_fraction"));

        var microcircuit = report.Steps.Single(s => s.Step == "microcircuit");
        Assert.True(Metric(microcircuit, "spikes") > 0);
        Assert.True(Metric(microcircuit, "real_time_factor") > 0);
        Assert.Equal(Metric(microcircuit, "wall_s") / (Metric(microcircuit, "timed_ms") / 1000), Metric(microcircuit, "real_time_factor"), 9);
        Assert.Equal(8, microcircuit.Metrics.Keys.Count(k => k.EndsWith("_rate_hz", StringComparison.Ordinal)));

        var trainer = report.Steps.Single(s => s.Step == "delay-trainer");
        Assert.InRange(Metric(trainer, "worst_relative_gradient_difference"), 0, DelayTrainerStep.RelativeTolerance);
        Assert.True(Metric(trainer, "gpu_samples_per_second") > 0 && Metric(trainer, "cpu_samples_per_second") > 0);
        Assert.Equal(Metric(trainer, "gpu_samples_per_second") / Metric(trainer, "cpu_samples_per_second"), Metric(trainer, "gpu_over_cpu"), 9);

        string table = File.ReadAllText(Path.Combine(directory.Path, GpuCheckRunner.TableFileName));
        Assert.All(GpuCheckSteps.Names, name => Assert.Contains(name, table));
        Assert.All(GpuCheckSteps.Names, name => Assert.Contains(name, console.Text));
    }

    /// <summary>The step's own process, as on the GPU machine: the result comes back through its file.</summary>
    [Fact]
    public void StepInItsOwnProcessReportsItsResult()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["gpu-check", "--dry-run", "--steps", "cuba-4k", "--budget", UnreachableBudgetSeconds, "--out", directory.Path]);

        Assert.True(code == 0, console.Text);
        var step = Assert.Single(GpuCheckReport.Read(Path.Combine(directory.Path, GpuCheckReport.FileName)).Steps);
        Assert.Equal(GpuCheckStatus.Passed, step.Status);
        Assert.True(Metric(step, "cpu_spikes") > 0);
        Assert.Equal(Metric(step, "cpu_spikes"), Metric(step, "gpu_spikes"));
        Assert.Contains("==== cuba-4k", File.ReadAllText(Path.Combine(directory.Path, GpuCheckRunner.LogFileName)));
    }

    /// <summary>The report is rewritten after every step and a device's time limit can kill the run
    /// at any moment: each rewrite replaces the file whole, so a reader (or a kill) never meets half
    /// a report. The same holds for a step's result file.</summary>
    [Fact]
    public void EachRewriteOfTheReportReplacesItWhole()
    {
        using var directory = new TemporaryDirectory();
        var first = GpuCheckStepResult.Empty("cuba-4k", GpuCheckStatus.Passed, 1, 60, "first");
        var report = new GpuCheckReport(GpuCheckReport.SchemaName, "2026-12-07T23:00:00Z", "snn-bench gpu-check", MachineInfo.Current(), "cuda", [], false, 600, false, [first]);
        string path = report.Write(directory.Path);
        var second = GpuCheckStepResult.Empty("agreement", GpuCheckStatus.Skipped, 0, 0, "second");

        ReplacedFile.AssertReplacedWhole(path, () => (report with { Steps = [first, second], Complete = true }).Write(directory.Path));
        Assert.Equal(["cuba-4k", "agreement"], GpuCheckReport.Read(path).Steps.Select(s => s.Step));

        string stepPath = Path.Combine(directory.Path, "step.json");
        GpuCheckReport.WriteStep(first, stepPath);
        ReplacedFile.AssertReplacedWhole(stepPath, () => GpuCheckReport.WriteStep(second, stepPath));
        Assert.Equal("agreement", GpuCheckReport.ReadStep(stepPath).Step);
    }

    [Fact]
    public void SpentBudgetSkipsEveryStepAndFails()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["gpu-check", "--dry-run", "--budget", "5", "--steps", "agreement,microcircuit", "--out", directory.Path]);

        Assert.Equal(1, code);
        var report = GpuCheckReport.Read(Path.Combine(directory.Path, GpuCheckReport.FileName));
        Assert.Equal(["agreement", "microcircuit"], report.Steps.Select(s => s.Step));
        Assert.All(report.Steps, s => Assert.Equal(GpuCheckStatus.Skipped, s.Status));
    }

    [Fact]
    public void WithoutACudaDeviceTheCheckStopsAndSaysHowToDryRun()
    {
        if (IlgpuDevices.InAutoOrder().Any(d => d.StartsWith("Cuda ", StringComparison.Ordinal)))
        {
            return; // this machine has a GPU: the check would run for real
        }
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["gpu-check", "--out", directory.Path]);

        Assert.Equal(GpuCheckRunner.NoDeviceExitCode, code);
        Assert.Contains("No Cuda device found", console.Text);
        Assert.Contains("--dry-run", console.Text);
        Assert.Empty(GpuCheckReport.Read(Path.Combine(directory.Path, GpuCheckReport.FileName)).Steps);
    }

    [Fact]
    public void UnknownStepIsRefusedByTheParser()
    {
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["gpu-check", "--dry-run", "--steps", "cuba-4k,tpu"]);

        Assert.NotEqual(0, code);
    }
}
