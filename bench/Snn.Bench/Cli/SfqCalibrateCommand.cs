using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;
using Spectre.Console;

namespace Snn.Bench.Cli;

/// <summary>
/// The <c>snn-bench sfq-calibrate</c> command: sweeps the SFQ cells in the circuit solver over
/// temperature and global bias scale (<see cref="SfqCalibrator"/>), prints the tables and writes
/// the calibration file (the format of <see cref="SfqCalibrationFile"/>) that
/// <see cref="SfqCalibration.Apply"/> puts into a technology.
/// </summary>
public sealed class SfqCalibrateCommand
{
    private readonly IAnsiConsole _console;

    private readonly Option<string?> _out = SharedOptions.Out("The calibration file to write.", SfqCalibrateSettings.DefaultOutFile);

    private readonly Option<bool> _quick = SharedOptions.Quick(
        "Reduced sweep (40 pulses at 5 gate biases, 4.2 and 5.0 K, bias scales 0.95-1.05): seconds, for CI. "
        + "Full: 200 pulses at 9 gate biases, 3.0, 4.2 and 5.0 K, bias scales 0.80-1.20 in steps of 0.05.");

    private readonly Option<double> _loopInductance = new("--loop-inductance")
    {
        Description = "Neuron loop inductance of the technology calibrated (pH); the rest is the default technology.",
        DefaultValueFactory = _ => SfqTechnology.Default.LoopInductancePh,
    };

    private readonly Option<ulong> _seed = SharedOptions.Seed("Seed of the thermal noise (the shipped calibration used 1).");

    private readonly Option<int?> _threads = SharedOptions.Threads("Circuit runs at once (default: one per core; results do not depend on it).");

    /// <summary>Creates the command, printing to <paramref name="console"/>.</summary>
    public SfqCalibrateCommand(IAnsiConsole console)
    {
        _console = console ?? throw new ArgumentNullException(nameof(console));
        _loopInductance.Validators.Add(r => SharedOptions.Check<double>(r, v => v is > 0 and < double.PositiveInfinity, "--loop-inductance must be a finite inductance in pH > 0."));
        Command = new Command("sfq-calibrate", "Calibrate the pulse-level SFQ model from the circuit solver: cell delay and jitter, the gate's switching curve and "
            + "gray-zone delay, and the neuron threshold map over temperature and global bias scale; prints the tables and writes the calibration file.")
        {
            _out, _quick, _loopInductance, _seed, _threads,
        };
        Command.SetAction(Invoke);
    }

    /// <summary>The command.</summary>
    public Command Command { get; }

    /// <summary>The settings of a parsed command line.</summary>
    public SfqCalibrateSettings SettingsFrom(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new SfqCalibrateSettings(parse.GetValue(_out) ?? SfqCalibrateSettings.DefaultOutFile, parse.GetValue(_quick), parse.GetValue(_loopInductance), parse.GetValue(_seed), parse.GetValue(_threads));
    }

    /// <summary>Calibrates, prints and writes as <paramref name="settings"/> say; returns the calibration.</summary>
    public SfqCalibration Run(SfqCalibrateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var technology = SfqTechnology.Default with { LoopInductancePh = settings.LoopInductancePh };
        var sweep = settings.Sweep;
        var watch = Stopwatch.StartNew();
        var calibration = _console.Status().Start("circuit sweeps", _ => SfqCalibrator.Calibrate(technology, sweep));
        Print(calibration);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(settings.OutFile));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        SfqCalibrationFile.Write(calibration, settings.OutFile);
        _console.MarkupLine(Markup.Escape(Invariant($"wrote {settings.OutFile} (format version {calibration.Version}) in {watch.Elapsed.TotalSeconds:F1} s")));
        return calibration;
    }

    private int Invoke(ParseResult parse)
    {
        try
        {
            Run(SettingsFrom(parse));
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            _console.MarkupLine("[red]" + Markup.Escape(e.Message) + "[/]");
            return 1;
        }
    }

    private void Print(SfqCalibration calibration)
    {
        var tables = calibration.Tables!;
        var cells = new Table().Title("cell delay / jitter (ps) against temperature and global bias scale ('-': the cell lost pulses)");
        cells.AddColumns("T (K)", "bias scale", "JTL", "splitter", "merger", "gate I_50 (uA)", "gate sigma (uA)", "double switch d");
        foreach (var group in tables.Cells.GroupBy(c => (c.TemperatureK, c.BiasScale)).OrderBy(g => g.Key.TemperatureK).ThenBy(g => g.Key.BiasScale))
        {
            var curve = tables.GateCurves.FirstOrDefault(c => c.TemperatureK == group.Key.TemperatureK && c.BiasScale == group.Key.BiasScale);
            cells.AddRow([Invariant($"{group.Key.TemperatureK:F1}"), Invariant($"{group.Key.BiasScale:F2}"),
                .. group.Select(c => c.Works ? Invariant($"{c.DelayPs:F2} / {c.JitterPs:F3}") : "-"),
                curve is null ? "-" : Invariant($"{curve.HalfPassBiasUa:F1}"), curve is null ? "-" : Invariant($"{curve.SpreadUa:F2}"), curve is null ? "-" : Invariant($"{curve.DoubleSwitchRate:F3}")]);
        }
        _console.Write(cells);
        var gray = new Table().Title(Invariant($"gate delay against z = (I_b - I_50)/sigma at bias scale {calibration.GlobalBiasScale:F2} (full bias {calibration.GateDelayPs:F2} ps)"));
        gray.AddColumns("T (K)", "z", "delay (ps)", "jitter (ps)", "passed pulses");
        foreach (var row in tables.GateDelays)
        {
            gray.AddRow(Invariant($"{row.TemperatureK:F1}"), Invariant($"{row.StandardScore:F2}"), Invariant($"{row.DelayPs:F2}"), Invariant($"{row.JitterPs:F2}"), Invariant($"{row.Pulses}"));
        }
        _console.Write(gray);
        string map = string.Join(", ", calibration.NeuronSwitchingBiasesUa.Select((bias, k) => Invariant($"{k}: {bias:F1}")));
        _console.MarkupLine(Markup.Escape(Invariant($"neuron (L = {calibration.NeuronLoopInductancePh:F0} pH) switching bias by stored fluxons (uA): {map}; fit I_sw(0) = {calibration.NeuronZeroFluxSwitchingBiasUa:F1} uA, {calibration.NeuronFluxonCurrentUa:F1} uA per fluxon")));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
