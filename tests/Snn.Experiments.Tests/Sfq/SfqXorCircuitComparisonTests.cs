using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;
using Snn.Experiments.Sfq;

namespace Snn.Experiments.Tests.Sfq;

/// <summary>The whole XOR in the circuit solver against the circuit-calibrated pulse-level model
/// (<see cref="SfqXorCircuitComparison"/>).</summary>
public class SfqXorCircuitComparisonTests
{
    private static readonly Lazy<SfqTechnology> Calibrated = new(() => SfqCalibrator.Calibrate(SfqXorStudy.DefaultTechnology,
        new SfqCalibrationSettings { PulsesPerPoint = 60, GateBiasPoints = 5, SweepBiasScales = [0.9, 1.1], Seed = 3 }).Apply(SfqXorStudy.DefaultTechnology));

    [Fact]
    public void NoiseFreeCircuitAndCalibratedModelBothGiveTheTruthTableAtNominalBias()
    {
        var rows = SfqXorCircuitComparison.Compare(Calibrated.Value, [1.0], 10, 5, circuitTemperatureK: 0);

        Assert.Equal([(false, false), (false, true), (true, false), (true, true)], rows.Select(r => (r.A, r.B)));
        Assert.All(rows, r => Assert.True(r.CircuitCorrect && r.ModelCorrect, r.ToString()));
        Assert.Equal(0, rows[3].CircuitRateGhz);
        Assert.Equal(0, rows[3].ModelRateGhz);
        Assert.True(rows[1].CircuitRateGhz > 2 * SfqXorDesign.Default.DecisionRateGhz, rows[1].ToString());
    }

    [Fact]
    public void NoiseFreeCircuitLosesTheTruthTableFourPercentEitherSideOfNominalBias()
    {
        // Below nominal bias the output neuron's threshold rises out of reach of one input's pulses; above it
        // the inhibition no longer cancels both inputs. The pulse-level model keeps its upper edge beyond 4 %.
        var rows = SfqXorCircuitComparison.Compare(Calibrated.Value, [0.96, 1.0, 1.04], 10, 5, circuitTemperatureK: 0);

        Assert.Equal((1.0, 1.0), SfqXorCircuitComparison.Window(rows, r => r.CircuitCorrect));
        Assert.False(rows.Where(r => r.BiasScale == 0.96).All(r => r.CircuitCorrect));
        Assert.False(rows.Where(r => r.BiasScale == 1.04).All(r => r.CircuitCorrect));
        Assert.True(rows.Where(r => r.BiasScale == 1.04).All(r => r.ModelCorrect));
    }

    [Fact]
    public void CircuitAndModelOutputPulsesShareOneTimeBase()
    {
        // The noise-free circuit's gates of weight 0.8 pass every pulse and the model's pass 80 %, so the
        // output trains differ, but pulses that both give must line up within the match tolerance: a
        // time-base offset of more than 10 ps (a missing cell latency or JTL stage) leaves none in common.
        var rows = SfqXorCircuitComparison.Compare(Calibrated.Value, [1.0], 20, 5, circuitTemperatureK: 0);

        Assert.All(rows.Where(r => r.A ^ r.B), r => Assert.True(r.IdenticalShare > 0.2, r.ToString()));
    }

    [Fact]
    public void BiasScalesThatDriveANeuronBiasToTheCriticalCurrentAreRefused()
    {
        double largest = SfqXorCircuitComparison.LargestBiasScale(Calibrated.Value);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SfqXorCircuitComparison.Compare(Calibrated.Value, [1.0, largest], 1, 5));

        Assert.Equal("biasScales", error.ParamName);
        Assert.InRange(largest, 1.0, 1.2);
    }

    [Fact]
    public void ExtraExcitatoryDelayLengthensOnlyTheInputToOutputSynapses()
    {
        var design = SfqXorDesign.Default with { InputToOutputExtraDelayPs = 15 };

        var projections = SfqXorNetwork.Build(design, true, true, 1).Projections;

        double[] delaysPs = [.. projections.Select(p => p.Synapse.Delay!.Maximum * SfqConstants.PsPerMs)];
        Assert.Equal([20, 20, 35, 35, design.InhibitoryDelayPs], delaysPs.Take(5).Select(d => Math.Round(d, 6)));
        var error = Assert.ThrowsAny<ArgumentException>(() => (SfqXorDesign.Default with { InputToOutputExtraDelayPs = -1 }).Validate());
        Assert.Equal(nameof(SfqXorDesign.InputToOutputExtraDelayPs), error.ParamName);
    }

    [Fact]
    public void WindowIsTheContiguousPassingRangeAroundNominal()
    {
        XorCircuitRow Row(double scale, bool correct) => new(scale, true, false, 1, 1, 1, correct, correct);
        XorCircuitRow[] rows = [Row(0.9, true), Row(0.95, false), Row(1.0, true), Row(1.02, true), Row(1.05, true), Row(1.1, false), Row(1.1, true)];

        Assert.Equal((1.0, 1.05), SfqXorCircuitComparison.Window(rows, r => r.CircuitCorrect));
        Assert.True(double.IsNaN(SfqXorCircuitComparison.Window([Row(0.95, true), Row(1.0, false)], r => r.CircuitCorrect).Low));
    }
}
