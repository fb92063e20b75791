using System.Diagnostics;
using System.Globalization;
using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;
using Snn.Bench.Suites;
using Snn.Experiments.Sfq;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>sfq-vs-circuit</c> study: calibrates the pulse-level SFQ model of the XOR study's
/// technology (<see cref="SfqXorStudy.DefaultTechnology"/>) from the circuit solver
/// (<see cref="SfqCalibrator"/>), writes the calibration as JSON, runs the small gate-merger-neuron
/// network of <see cref="SfqCircuitComparison"/> in the circuit solver and in both pulse-level
/// models, runs the XOR's leaky AND neuron in the circuit and in the calibrated model
/// (<see cref="SfqAndCircuitComparison"/>), runs the whole XOR in the circuit (with and without
/// thermal noise) and in the calibrated model at the same global bias scales
/// (<see cref="SfqXorCircuitComparison"/>), and reports the XOR network's nominal rates and
/// global-bias window under both models.
/// Full: 400 pulses at 9 gate biases and 9 global bias scales 0.80-1.20 (the calibrated model
/// reads its cells and gate curve between them), 200 clock periods, weights 1/0.8/0.5/0.2, bias
/// 0.80-1.20 in 2 % steps, AND neuron 200 periods per pattern, whole XOR 100 periods at bias
/// 0.96-1.05 in 1 % steps; --quick: 80 pulses at 7 biases and bias scales 0.8/1.0/1.2, 50 periods,
/// weights 1/0.5, bias in 5 % steps, AND neuron 20 periods, whole XOR 20 periods at 0.98/1.00/1.02.
/// </summary>
public static class SfqVsCircuitAnalysis
{
    /// <summary>The calibration file written into the output folder.</summary>
    public const string CalibrationFile = "sfq-calibration.json";

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var technology = SfqXorStudy.DefaultTechnology;
        var settings = context.Quick
            ? new SfqCalibrationSettings { PulsesPerPoint = 80, GateBiasPoints = 7, SweepBiasScales = [0.8, 1.2], Seed = context.Seed }
            : new SfqCalibrationSettings { PulsesPerPoint = 400, GateBiasPoints = 9, SweepBiasScales = [0.8, 0.85, 0.9, 0.95, 1.05, 1.1, 1.15, 1.2], Seed = context.Seed };
        var metrics = new Dictionary<string, double>();
        var findings = new List<string>();

        context.Report("circuit calibration");
        var watch = Stopwatch.StartNew();
        var calibration = SfqCalibrator.Calibrate(technology, settings);
        metrics["calibration_wall_seconds"] = watch.Elapsed.TotalSeconds;
        metrics["jtl_delay_ps"] = calibration.JtlDelayPs;
        metrics["jtl_jitter_ps"] = calibration.JtlJitterPs;
        metrics["splitter_delay_ps"] = calibration.SplitterDelayPs;
        metrics["merger_delay_ps"] = calibration.MergerDelayPs;
        metrics["gate_delay_ps"] = calibration.GateDelayPs;
        metrics["gate_half_pass_bias_ua"] = calibration.GateHalfPassBiasUa;
        metrics["gate_spread_ua"] = calibration.GateSpreadUa;
        metrics["gate_double_switch_rate"] = calibration.GateDoubleSwitchRate;
        metrics["neuron_zero_flux_switching_bias_ua"] = calibration.NeuronZeroFluxSwitchingBiasUa;
        metrics["neuron_fluxon_current_ua"] = calibration.NeuronFluxonCurrentUa;
        findings.Add("quantity                 closed form     circuit-calibrated");
        findings.Add(Invariant($"JTL stage delay          {technology.Jtl.DelayPs,8:F2} ps     {calibration.JtlDelayPs,8:F2} ps (jitter {calibration.JtlJitterPs:F3} ps)"));
        findings.Add(Invariant($"splitter / merger delay  {technology.Splitter.DelayPs,4:F1} / {technology.Merger.DelayPs,3:F1} ps  {calibration.SplitterDelayPs,5:F2} / {calibration.MergerDelayPs:F2} ps"));
        findings.Add(Invariant($"gate delay (full bias)   {technology.Gate.DelayPs,8:F2} ps     {calibration.GateDelayPs,8:F2} ps"));
        findings.Add(Invariant($"gate I_50 / sigma        {SfqBiasMapping.HalfPassBiasUa(technology, technology.CriticalCurrentUa),5:F2} / {technology.NoiseCurrentUa:F2} uA  {calibration.GateHalfPassBiasUa,5:F2} / {calibration.GateSpreadUa:F2} uA"));
        findings.Add(Invariant($"gate double switch d     {0,8:F3}        {calibration.GateDoubleSwitchRate,8:F3}"));
        findings.Add(Invariant($"neuron I_sw(0) / per Phi0 {technology.CriticalCurrentUa,5:F1} / {SfqConstants.FluxQuantumUaPh / technology.LoopInductancePh:F1} uA  {calibration.NeuronZeroFluxSwitchingBiasUa,5:F1} / {calibration.NeuronFluxonCurrentUa:F1} uA"));

        context.Report("network: circuit vs both models");
        double[] weights = context.Quick ? [1, 0.5] : [1, 0.8, 0.5, 0.2];
        var rows = SfqCircuitComparison.Compare(technology, calibration, weights, context.Quick ? 50 : 200, context.Seed);
        findings.Add("model        w     gate bias  neuron bias  JTL  circuit    model      identical  latency circuit/model");
        foreach (var row in rows)
        {
            string key = Invariant($"{(row.Model == "calibrated" ? "calibrated" : "closed_form")}_w{row.Weight:0.##}");
            metrics[key + "_circuit_rate_ghz"] = row.CircuitRateGhz;
            metrics[key + "_model_rate_ghz"] = row.ModelRateGhz;
            metrics[key + "_identical_share"] = row.IdenticalShare;
            findings.Add(Invariant($"{row.Model,-11}  {row.Weight,4:0.##}  {row.GateBiasUa,6:F1} uA  {row.NeuronBiasUa,6:F1} uA  {row.JtlStages,3}  {row.CircuitRateGhz,5:F2} GHz  {row.ModelRateGhz,5:F2} GHz  {row.IdenticalShare,6:P0}     {Latency(row.CircuitLatencyPs)} / {Latency(row.ModelLatencyPs)}"));
        }

        context.Report("leaky AND neuron: circuit vs calibrated model");
        var calibrated = calibration.Apply(technology);
        int andPeriods = context.Quick ? 20 : 200;
        findings.Add(Invariant($"XOR's leaky AND neuron (threshold {SfqXorDesign.Default.AndThresholdFluxons:F2}, tau {SfqXorDesign.Default.AndLeakPs:F0} ps), circuit vs calibrated model, {andPeriods} periods:"));
        foreach (var row in SfqAndCircuitComparison.Compare(calibrated, null, andPeriods, context.Seed))
        {
            string key = Invariant($"and_{(row.A ? 1 : 0)}{(row.B ? 1 : 0)}");
            metrics[key + "_circuit_rate_ghz"] = row.CircuitRateGhz;
            metrics[key + "_model_rate_ghz"] = row.ModelRateGhz;
            metrics[key + "_identical_share"] = row.IdenticalShare;
            findings.Add(Invariant($"  ({(row.A ? 1 : 0)},{(row.B ? 1 : 0)})  circuit {row.CircuitRateGhz,5:F2} GHz  model {row.ModelRateGhz,5:F2} GHz  identical {row.IdenticalShare,6:P0}"));
        }

        context.Report("XOR network: circuit vs calibrated model");
        CompareXorWithCircuit(context, calibrated, metrics, findings);

        context.Report("XOR under both models");
        double[] scales = context.Quick ? SfqXorStudy.Scales(0.8, 1.2, 9) : SfqXorStudy.Scales(0.8, 1.2, 21);
        foreach (var (name, model) in new[] { ("closed_form", technology), ("calibrated", calibrated) })
        {
            var study = new SfqXorStudy(technology: model, seed: context.Seed);
            var nominal = study.Evaluate();
            var window = SfqXorStudy.Window("global", name, study.SweepGlobalBias(scales));
            metrics[$"xor_{name}_window_low"] = window.Low;
            metrics[$"xor_{name}_window_high"] = window.High;
            metrics[$"xor_{name}_all_correct"] = nominal.AllCorrect ? 1 : 0;
            string rates = string.Join(" / ", nominal.Patterns.Select(p => Invariant($"{p.OutputRateGhz:F2}")));
            findings.Add(Invariant($"XOR {name,-11}: rates (0,0)/(0,1)/(1,0)/(1,1) {rates} GHz, {(nominal.AllCorrect ? "all correct" : "NOT all correct")}, global-bias window {window.Low:F2}-{window.High:F2} (swept {scales[0]:F2}-{scales[^1]:F2})"));
        }
        return new SuiteAnalysis(metrics, findings, directory =>
        {
            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, CalibrationFile);
            SfqCalibrationFile.Write(calibration, path);
            return [path];
        });
    }

    /// <summary>The whole XOR (<see cref="SfqXorCircuit.DesignFor"/>) in the circuit, with the calibrated
    /// model's thermal noise and without noise, against the calibrated model at the same global bias scales.</summary>
    private static void CompareXorWithCircuit(StudyContext context, SfqTechnology calibrated, Dictionary<string, double> metrics, List<string> findings)
    {
        double largest = SfqXorCircuitComparison.LargestBiasScale(calibrated);
        double[] scales = context.Quick ? [0.98, 1.0, 1.02] : [.. SfqXorStudy.Scales(0.96, 1.05, 10).Where(s => s < largest)];
        int periods = context.Quick ? 20 : 100;
        var design = SfqXorCircuit.DesignFor(calibrated);
        findings.Add(Invariant($"whole XOR, circuit vs calibrated model ({periods} periods; inhibitory stagger {design.InhibitoryStaggerPs:F1} ps, extra excitatory delay {design.InputToOutputExtraDelayPs:F1} ps; circuit neuron biases reach I_c at scale {largest:F3}):"));
        foreach (var (label, temperature) in new[] { ("noise", calibrated.TemperatureK), ("noise_free", 0.0) })
        {
            var rows = SfqXorCircuitComparison.Compare(calibrated, scales, periods, context.Seed, temperature);
            var circuitWindow = SfqXorCircuitComparison.Window(rows, r => r.CircuitCorrect);
            metrics[$"xor_circuit_{label}_window_low"] = circuitWindow.Low;
            metrics[$"xor_circuit_{label}_window_high"] = circuitWindow.High;
            findings.Add(Invariant($"  circuit at {temperature:0.#} K; rates (0,0)/(0,1)/(1,0)/(1,1) in GHz, circuit | model | identical pulses"));
            foreach (var point in rows.GroupBy(r => r.BiasScale))
            {
                string Rates(Func<XorCircuitRow, double> rate) => string.Join("/", point.Select(r => rate(r).ToString("F2", CultureInfo.InvariantCulture)));
                string shares = string.Join("/", point.Select(r => r.IdenticalShare.ToString("P0", CultureInfo.InvariantCulture)));
                string verdict = (point.All(r => r.CircuitCorrect) ? "circuit correct" : "circuit WRONG") + ", " + (point.All(r => r.ModelCorrect) ? "model correct" : "model WRONG");
                findings.Add(Invariant($"  bias {point.Key:F2}: {Rates(r => r.CircuitRateGhz)} | {Rates(r => r.ModelRateGhz)} | {shares}  ({verdict})"));
            }
            findings.Add(Invariant($"  window (all four correct): circuit {WindowText(circuitWindow)}, model {WindowText(SfqXorCircuitComparison.Window(rows, r => r.ModelCorrect))}"));
            foreach (var row in rows.Where(r => Math.Abs(r.BiasScale - 1) < 1e-9))
            {
                string key = Invariant($"xor_{label}_{(row.A ? 1 : 0)}{(row.B ? 1 : 0)}");
                metrics[key + "_circuit_rate_ghz"] = row.CircuitRateGhz;
                metrics[key + "_model_rate_ghz"] = row.ModelRateGhz;
                metrics[key + "_identical_share"] = row.IdenticalShare;
            }
            if (label == "noise")
            {
                var modelWindow = SfqXorCircuitComparison.Window(rows, r => r.ModelCorrect);
                metrics["xor_model_window_low"] = modelWindow.Low;
                metrics["xor_model_window_high"] = modelWindow.High;
            }
        }
    }

    private static string WindowText((double Low, double High) window)
        => double.IsNaN(window.Low) ? "none (nominal fails)" : Invariant($"{window.Low:F2}-{window.High:F2}");

    private static string Latency(double ps) => double.IsNaN(ps) ? "-" : ps.ToString("F1", CultureInfo.InvariantCulture) + " ps";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
