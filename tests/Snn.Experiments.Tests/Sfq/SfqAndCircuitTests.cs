using Snn.Backends.Sfq.Circuit;
using Snn.Experiments.Sfq;

namespace Snn.Experiments.Tests.Sfq;

/// <summary>The XOR's leaky AND neuron built in the circuit solver (<see cref="SfqAndCircuitComparison"/>).</summary>
public class SfqAndCircuitTests
{
    [Fact]
    public void NoiseFreeCircuitAndNeuronFiresOncePerPeriodForBothInputsAndNeverForOne()
    {
        // Without noise, and gates biased by the 4.2 K model's map for weight 1 (well above their
        // switching threshold), the circuit is deterministic. A leaky integrator of threshold 1.25 Φ0 and
        // τ = 50 ps fed every 100 ps reaches at most 1/(1 − e^(−2)) = 1.16 Φ0 from one input; with both
        // inputs interleaved it crosses 1 + e^(−1) = 1.37 Φ0 once per period.
        var rows = SfqAndCircuitComparison.Compare(SfqXorStudy.DefaultTechnology, null, 30, 1, circuitTemperatureK: 0);

        Assert.Equal([(false, false), (false, true), (true, false), (true, true)], rows.Select(r => (r.A, r.B)));
        Assert.Equal([0, 0, 0, 10], rows.Select(r => r.ModelRateGhz));
        Assert.Equal([0, 0, 0, 10], rows.Select(r => r.CircuitRateGhz));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void ThresholdMapRefusesThresholdsOutsideOneToTwoFluxons(double threshold)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => SfqAndCircuitComparison.LeakyNeuronBiasUa(new SfqCellLibrary(SfqXorStudy.DefaultTechnology), threshold, 50));
        Assert.Equal("thresholdFluxons", error.ParamName);
    }

    [Fact]
    public void AHigherThresholdNeedsALowerOutputBias()
    {
        var library = new SfqCellLibrary(SfqXorStudy.DefaultTechnology);

        double low = SfqAndCircuitComparison.LeakyNeuronBiasUa(library, 1.2, 50);
        double high = SfqAndCircuitComparison.LeakyNeuronBiasUa(library, 1.6, 50);

        Assert.True(high < low - 1, $"bias {high} uA at 1.6 Phi0 vs {low} uA at 1.2 Phi0");
    }
}
