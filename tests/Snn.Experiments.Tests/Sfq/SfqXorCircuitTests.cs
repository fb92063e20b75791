using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;
using Snn.Experiments.Sfq;

namespace Snn.Experiments.Tests.Sfq;

/// <summary>The whole XOR network built in the circuit solver (<see cref="SfqXorCircuit"/>), without noise.</summary>
public class SfqXorCircuitTests
{
    private const int Periods = 10;

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void NoiseFreeCircuitGivesTheXorTruthTable(bool a, bool b)
    {
        var model = SfqXorStudy.DefaultTechnology;
        var design = SfqXorCircuit.DesignFor(model);
        var biases = SfqXorCircuit.NeuronBiasesUa(new SfqCellLibrary(model), design);

        double[] pulses = SfqXorCircuit.Run(model, design, biases, 1, a, b, Periods, new CircuitOptions { TemperatureK = 0 });

        if (a ^ b)
        {
            double rateGhz = pulses.Length / (Periods * design.ClockPeriodPs) * 1000;
            Assert.True(rateGhz > design.DecisionRateGhz, $"({a}, {b}): {pulses.Length} output pulses in {Periods} periods, {rateGhz} GHz, not above {design.DecisionRateGhz} GHz");
        }
        else
        {
            Assert.Empty(pulses);
        }
    }
}
