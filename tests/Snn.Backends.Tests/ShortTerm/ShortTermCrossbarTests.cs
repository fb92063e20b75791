using Snn.Backends.Crossbar;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.ShortTerm;

/// <summary>
/// Short-term plasticity on the crossbar engine, where the factor u·x scales each spike's word-line
/// pulse: an ideal chip gives the CPU engine's spikes and weights bit for bit (linear reads), the
/// digitised read path (non-linear: a 16-bit ADC) transmits the integrated model's amplitudes on
/// static and plastic projections, the cost report counts one update per spike and projection with
/// short-term plasticity, and the tile read with scaled pulses follows Ohm's law.
/// </summary>
public class ShortTermCrossbarTests
{
    [Fact]
    public void IdealChipGivesTheCpuEnginesSpikesWeightsAndUpdateCount()
    {
        var cpuProbe = ShortTermNetworks.Recurrent(11);
        var chipProbe = ShortTermNetworks.Recurrent(11);
        var input = chipProbe.Network.RecordSpikes(chipProbe.Projections[0].Source);
        using var cpu = SimulationHelpers.Run(cpuProbe.Network, 300);
        var options = new CrossbarOptions { WeightRanges = new Dictionary<string, double> { [chipProbe.Projections[4].Name] = 450 } };
        using var chip = new CrossbarBackend(options).CompileCrossbar(chipProbe.Network);
        Assert.True(options.IsLinearRead);
        chip.Run(300);

        var expected = cpu.GetSpikes(cpuProbe.Excitatory);
        Assert.True(expected.Count > 300, $"the probe network is nearly silent ({expected.Count} spikes)");
        SimulationHelpers.AssertSameSpikes(expected, chip.GetSpikes(chipProbe.Excitatory));
        SimulationHelpers.AssertSameSpikes(cpu.GetSpikes(cpuProbe.Inhibitory), chip.GetSpikes(chipProbe.Inhibitory));
        for (int p = 0; p < cpuProbe.Projections.Length; p++)
        {
            SimulationHelpers.AssertBitIdentical(cpu.GetWeights(cpuProbe.Projections[p]), chip.GetWeights(chipProbe.Projections[p]));
        }

        // Input spikes advance the input projection's state; excitatory spikes those of the two
        // recurrent projections with short-term plasticity (static and plastic).
        var cost = chip.Cost();
        long updates = chip.GetSpikes(input).Count + 2L * expected.Count;
        Assert.Equal(updates, cost.ShortTermUpdates);
        Assert.Equal(updates * options.Energy.ShortTermUpdateEnergy, cost.Energy("short-term update energy"));
    }

    /// <summary>Through the digitised read (16-bit ADC) every spike's current is the cells' current at
    /// the pulse amplitude u·x: the transmitted weights follow the integrated model within the ADC's
    /// rounding, half a code step: the full scale (AdcFullScale = 12 fully-on weights, the fully-on
    /// weight being the projection's largest) over 2^15 − 1 codes, halved.</summary>
    [Theory]
    [InlineData(0.1)]
    [InlineData(5.0)]
    public void DigitisedReadsTransmitTheScaledWeight(double delayMs)
    {
        const double weight = 10;
        var times = ShortTermProbe.Irregular(60, 5);
        var (network, current) = ShortTermProbe.Build(times, weight, new ShortTermPlasticity(0.4, 60, 40), delayMs);
        var options = new CrossbarOptions { AdcBits = 16 };
        using var chip = new CrossbarBackend(options).CompileCrossbar(network);
        Assert.False(options.IsLinearRead);
        chip.Run(times[^1] + delayMs + 1);

        var expected = ShortTermProbe.Integrate(times, weight, 0.4, 60, 40);
        var actual = ShortTermProbe.Amplitudes(chip, current, times.Length);
        Assert.True(expected.Max() / expected.Min() > 3, "the train barely depresses the synapse");
        double lsb = HalfCodeStep(options, weight);
        for (int n = 0; n < expected.Length; n++)
        {
            Assert.True(Math.Abs(expected[n] - actual[n]) <= lsb + 1e-4 * expected[n], $"spike {n}: {actual[n]:G9}, expected {expected[n]:G9}");
        }
        Assert.Equal(times.Length, chip.Cost().ShortTermUpdates);
    }

    /// <summary>A plastic projection read through the ADC: spike n carries (w₀ + (n + 1)·Δ)·u_n·x_n, the
    /// rule's weight programmed into the cells times the factor its spike left with.</summary>
    [Fact]
    public void DigitisedReadsOfAPlasticProjectionScaleTheLearnedWeight()
    {
        const double weight = 10;
        const double increment = 0.5;
        var times = ShortTermProbe.Irregular(40, 3);
        var (network, current) = ShortTermProbe.Build(times, weight, new ShortTermPlasticity(0.3, 30, 150), 2.0,
            p => p.WithPlasticity(new AddOnArrival { Increment = increment }));
        var options = new CrossbarOptions { AdcBits = 16, WeightRanges = new Dictionary<string, double> { [network.Projections[0].Name] = 40 } };
        using var chip = new CrossbarBackend(options).CompileCrossbar(network);
        chip.Run(times[^1] + 3);

        var expected = ShortTermProbe.Integrate(times, weight, 0.3, 30, 150, n => weight + (n + 1) * increment);
        var actual = ShortTermProbe.Amplitudes(chip, current, times.Length);
        double lsb = HalfCodeStep(options, 40);
        for (int n = 0; n < expected.Length; n++)
        {
            Assert.True(Math.Abs(expected[n] - actual[n]) <= lsb + 1e-4 * expected[n], $"spike {n}: {actual[n]:G9}, expected {expected[n]:G9}");
        }
    }

    private static double HalfCodeStep(CrossbarOptions options, double fullyOnWeight)
        => 0.5 * options.AdcFullScale * fullyOnWeight / ((1 << (options.AdcBits!.Value - 1)) - 1);

    [Fact]
    public void ScaledPulsesReadTheirShareOfTheColumnCurrent()
    {
        var tile = new CrossbarTile(4, 3);
        var random = new Random(2);
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                tile[i, j] = 1 + 99 * random.NextDouble();
            }
        }
        int[] rows = [0, 2, 3];
        double[] amplitudes = [0.25, 1, 0.6];
        var currents = new double[3];
        tile.Read(rows, 0.2, 0, currents, amplitudes);
        for (int j = 0; j < 3; j++)
        {
            double expected = 0.2 * (0.25 * tile[0, j] + tile[2, j] + 0.6 * tile[3, j]);
            Assert.Equal(expected, currents[j], 1e-12);
        }

        // With wire resistance the first-order model is linear in the drive: equal amplitudes a give
        // a times the full-pulse currents, and amplitude 1 is the unscaled read.
        var full = new double[3];
        tile.Read(rows, 0.2, 50, full);
        var ones = new double[3];
        tile.Read(rows, 0.2, 50, ones, [1, 1, 1]);
        Assert.Equal(full, ones);
        var half = new double[3];
        tile.Read(rows, 0.2, 50, half, [0.5, 0.5, 0.5]);
        var ideal = new double[3];
        tile.Read(rows, 0.2, 0, ideal);
        for (int j = 0; j < 3; j++)
        {
            Assert.True(full[j] < ideal[j], "the wire drop loses no current");
            Assert.Equal(0.5 * full[j], half[j], 1e-12);
        }
    }

    [Fact]
    public void AmplitudesOutsideTheUnitIntervalOrOfTheWrongCountAreRefused()
    {
        var tile = new CrossbarTile(2, 2);
        var currents = new double[2];
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => tile.Read([0, 1], 0.2, 0, currents, [0.5, 1.5]));
        Assert.Equal("amplitudes", range.ParamName);
        Assert.Contains("amplitudes[1] = 1.5", range.Message);
        var count = Assert.Throws<ArgumentException>(() => tile.Read([0, 1], 0.2, 0, currents, [0.5]));
        Assert.Equal("amplitudes", count.ParamName);
    }
}
