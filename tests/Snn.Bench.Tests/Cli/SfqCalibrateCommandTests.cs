using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;
using Snn.Bench.Cli;

namespace Snn.Bench.Tests.Cli;

public class SfqCalibrateCommandTests
{
    [Fact]
    public void QuickCalibrationWritesTablesOverTemperatureAndBiasThatReadBack()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();
        string file = Path.Combine(directory.Path, "calibration.json");

        int code = new BenchCli(console.Console).Invoke(["sfq-calibrate", "--quick", "--out", file]);

        Assert.Equal(0, code);
        var calibration = SfqCalibrationFile.Read(file);
        Assert.Equal(SfqCalibration.CurrentVersion, calibration.Version);
        var tables = Assert.IsType<SfqCalibratedTables>(calibration.Tables);
        var sweep = SfqCalibrateSettings.QuickSweep(1);
        double[] temperatures = [.. sweep.SweepTemperaturesK.Append(sweep.TemperatureK).Order()];
        double[] scales = [.. sweep.SweepBiasScales.Append(sweep.GlobalBiasScale).Order()];
        foreach (string cell in new[] { "JTL", "S", "M" })
        {
            var rows = tables.Cells.Where(c => c.Cell == cell).ToArray();
            Assert.Equal(temperatures.Length * scales.Length, rows.Length);
            Assert.Equal(temperatures, rows.Select(r => r.TemperatureK).Distinct().Order());
            Assert.Equal(scales, rows.Select(r => r.BiasScale).Distinct().Order());
        }
        Assert.Equal(temperatures.Length * scales.Length, calibration.GateSweeps.Count);
        Assert.Equal(temperatures, tables.GateDelays.Select(d => d.TemperatureK).Distinct().Order());
        Assert.Equal(4, calibration.NeuronSwitchingBiasesUa.Count);

        // Physics the sweep must show: more bias makes a JTL stage faster; a stronger drive lowers the
        // gate's midpoint; a gate in its gray zone is slower than a fully biased one.
        foreach (double t in temperatures)
        {
            var jtl = tables.Cells.Where(c => c.Cell == "JTL" && c.TemperatureK == t).OrderBy(c => c.BiasScale).ToArray();
            Assert.True(jtl[0].DelayPs > jtl[^1].DelayPs, $"JTL at {t} K: {jtl[0].DelayPs} ps at scale {jtl[0].BiasScale}, {jtl[^1].DelayPs} ps at {jtl[^1].BiasScale}");
            var curves = tables.GateCurves.Where(c => c.TemperatureK == t).OrderBy(c => c.BiasScale).ToArray();
            Assert.True(curves[0].HalfPassBiasUa > curves[^1].HalfPassBiasUa, $"gate I_50 at {t} K: {curves[0].HalfPassBiasUa} uA at scale {curves[0].BiasScale}, {curves[^1].HalfPassBiasUa} at {curves[^1].BiasScale}");
            var delays = tables.GateDelays.Where(d => d.TemperatureK == t).OrderBy(d => d.StandardScore).ToArray();
            Assert.True(delays[0].DelayPs > delays[^1].DelayPs + delays[0].JitterPs / Math.Sqrt(delays[0].Pulses));
        }

        // Applied at 5 K, the weight-to-bias map uses the curve measured at 5 K and bias scale 1.
        var measured = tables.GateCurves.Single(c => c.TemperatureK == 5.0 && c.BiasScale == 1.0);
        var applied = calibration.Apply(SfqTechnology.Default with { TemperatureK = 5.0 });
        Assert.Equal(measured.HalfPassBiasUa, SfqBiasMapping.HalfPassBiasUa(applied, applied.CriticalCurrentUa));
        Assert.Equal(measured.SpreadUa, SfqBiasMapping.GateSpreadUa(applied));
        Assert.Contains("wrote", console.Text);
    }

    [Fact]
    public void SharedOptionsReachTheSettingsAndTheSweep()
    {
        var command = new SfqCalibrateCommand(new CapturedConsole().Console);

        var settings = command.SettingsFrom(command.Command.Parse(["--seed", "7", "--threads", "2", "-o", "x.json", "--quick"]));
        var defaults = command.SettingsFrom(command.Command.Parse([]));

        Assert.Equal(new SfqCalibrateSettings("x.json", true, SfqTechnology.Default.LoopInductancePh, 7, 2), settings);
        Assert.Equal(7UL, settings.Sweep.Seed);
        Assert.Equal(2, settings.Sweep.Threads);
        Assert.Equal(new SfqCalibrateSettings(SfqCalibrateSettings.DefaultOutFile, false, SfqTechnology.Default.LoopInductancePh, RunSettings.DefaultSeed, null), defaults);
    }

    [Fact]
    public void ZeroThreadsAreRefused()
    {
        var error = new StringWriter();

        int code = new BenchCli(new CapturedConsole().Console).Invoke(["sfq-calibrate", "--quick", "--threads", "0"],
            new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.NotEqual(0, code);
        Assert.Contains("--threads must be at least 1", error.ToString());
    }

    [Fact]
    public void NonPositiveLoopInductanceIsRefused()
    {
        var error = new StringWriter();

        int code = new BenchCli(new CapturedConsole().Console).Invoke(["sfq-calibrate", "--quick", "--loop-inductance", "0"],
            new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.NotEqual(0, code);
        Assert.Contains("--loop-inductance must be a finite inductance in pH > 0", error.ToString());
    }
}
