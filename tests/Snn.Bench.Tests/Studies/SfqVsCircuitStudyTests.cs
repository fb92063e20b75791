using Snn.Backends.Sfq.Circuit;
using Snn.Bench.Cli;
using Snn.Bench.Results;
using Snn.Bench.Studies;

namespace Snn.Bench.Tests.Studies;

public class SfqVsCircuitStudyTests
{
    [Fact]
    public void QuickStudyWritesACalibrationAndComparesBothModelsWithTheCircuit()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "sfq-vs-circuit", "--quick", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        Assert.Equal(20, study.Metrics["calibrated_w1_circuit_rate_ghz"]);
        Assert.Equal(20, study.Metrics["calibrated_w1_model_rate_ghz"]);
        Assert.True(study.Metrics["calibrated_w1_identical_share"] > 0.9);
        Assert.InRange(study.Metrics["gate_half_pass_bias_ua"], 60, 80);
        // The XOR's leaky AND neuron: the model fires once per period for both inputs only; the
        // circuit, with thermal noise on its threshold, nearly so.
        Assert.Equal([0, 0, 0, 10], new[] { "00", "01", "10", "11" }.Select(p => study.Metrics[$"and_{p}_model_rate_ghz"]));
        Assert.Equal(0, study.Metrics["and_00_circuit_rate_ghz"]);
        Assert.InRange(study.Metrics["and_11_circuit_rate_ghz"], 8, 10);
        // The whole XOR: without noise the circuit gives the truth table at nominal bias, as the calibrated
        // model does; both single-input patterns fire in both, and pulses line up in time.
        Assert.Equal(1, study.Metrics["xor_circuit_noise_free_window_low"]);
        Assert.Equal(1, study.Metrics["xor_model_window_low"]);
        Assert.Equal(0, study.Metrics["xor_noise_00_circuit_rate_ghz"]);
        Assert.Equal(0, study.Metrics["xor_noise_free_11_circuit_rate_ghz"]);
        Assert.Equal(0, study.Metrics["xor_noise_11_model_rate_ghz"]);
        Assert.All(new[] { "01", "10" }, p => Assert.True(study.Metrics[$"xor_noise_free_{p}_circuit_rate_ghz"] > 1 && study.Metrics[$"xor_noise_{p}_model_rate_ghz"] > 1));
        Assert.True(study.Metrics["xor_noise_free_01_identical_share"] > 0.4);
        var calibration = SfqCalibrationFile.Read(Path.Combine(directory.Path, SfqVsCircuitAnalysis.CalibrationFile));
        Assert.Equal(SfqCalibration.CurrentVersion, calibration.Version);
        Assert.Equal(study.Metrics["gate_half_pass_bias_ua"], calibration.GateHalfPassBiasUa);
        Assert.Contains("XOR calibrated", console.Text);
        Assert.Contains("leaky AND neuron", console.Text);
        Assert.Contains("whole XOR, circuit vs calibrated model", console.Text);
    }
}
