using Snn.Backends.Sfq;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Sfq;

/// <summary>The pulse-level model reading hand-written calibration tables at its operating point.</summary>
public class SfqCalibratedTablesTests
{
    // A hand-written table: cells at 4.2 K and bias scales 0.9, 1.0, 1.1 (the merger lost its
    // pulses at 0.9), gate curves at the same scales, gate delays against z.
    private static readonly SfqCalibratedTables Tables = new()
    {
        Cells =
        [
            new CellTimingPoint("JTL", 4.2, 0.9, 2.8, 0.05, 1), new CellTimingPoint("JTL", 4.2, 1.0, 2.5, 0.04, 1), new CellTimingPoint("JTL", 4.2, 1.1, 2.3, 0.03, 1),
            new CellTimingPoint("S", 4.2, 0.9, 3.6, 0.08, 1), new CellTimingPoint("S", 4.2, 1.0, 3.3, 0.07, 1), new CellTimingPoint("S", 4.2, 1.1, 3.1, 0.06, 1),
            new CellTimingPoint("M", 4.2, 0.9, double.NaN, double.NaN, 0.2), new CellTimingPoint("M", 4.2, 1.0, 1.6, 0.1, 1), new CellTimingPoint("M", 4.2, 1.1, 1.4, 0.09, 1),
            new CellTimingPoint("JTL", 6.2, 0.9, 3.0, 0.07, 1), new CellTimingPoint("JTL", 6.2, 1.0, 2.7, 0.06, 1), new CellTimingPoint("JTL", 6.2, 1.1, 2.5, 0.05, 1),
            new CellTimingPoint("S", 6.2, 0.9, 3.8, 0.1, 1), new CellTimingPoint("S", 6.2, 1.0, 3.5, 0.09, 1), new CellTimingPoint("S", 6.2, 1.1, 3.3, 0.08, 1),
            new CellTimingPoint("M", 6.2, 0.9, 2.0, 0.2, 1), new CellTimingPoint("M", 6.2, 1.0, 1.8, 0.15, 1), new CellTimingPoint("M", 6.2, 1.1, 1.6, 0.1, 1),
        ],
        GateCurves =
        [
            new GateCurvePoint(4.2, 0.9, 75, 3.5, 0), new GateCurvePoint(4.2, 1.0, 70, 3.5, 0), new GateCurvePoint(4.2, 1.1, 67, 3.5, 0),
            new GateCurvePoint(6.2, 0.9, 75, 4.5, 0), new GateCurvePoint(6.2, 1.0, 70, 4.5, 0), new GateCurvePoint(6.2, 1.1, 67, 4.5, 0),
        ],
        GateDelays = [new GateDelayPoint(4.2, -2, 4.0, 0.8, 10), new GateDelayPoint(4.2, 0, 3.5, 0.6, 50), new GateDelayPoint(4.2, 6, 2.0, 0.1, 100),
            new GateDelayPoint(6.2, -2, 4.4, 0.9, 10), new GateDelayPoint(6.2, 0, 3.9, 0.7, 50), new GateDelayPoint(6.2, 6, 2.2, 0.1, 100)],
    };

    private static readonly SfqTechnology Technology = SfqTechnology.Default with { Tables = Tables, GateHalfPassBiasUa = 70, GateSwitchingSpreadUa = 3.5 };

    [Theory]
    [InlineData(1.0, 2.5, 3.3, 1.6)]
    [InlineData(1.1, 2.3, 3.1, 1.4)]
    [InlineData(1.05, 2.4, 3.2, 1.5)]
    public void CellDelaysAreTheTableAtTabulatedBiasesAndInterpolateBetween(double scale, double jtlPs, double splitterPs, double mergerPs)
    {
        using var simulation = Compile(Technology, scale, out var path, out _);

        double gate = simulation.GateDelaysPs(path)[0];

        // Source A splits two ways (one splitter), target 0 merges two inputs (one merger), one JTL stage.
        Assert.Equal(splitterPs + gate + jtlPs + mergerPs, simulation.PathDelaysPs(path)[0], 1e-9);
    }

    [Fact]
    public void CellDelaysInterpolateBetweenTabulatedTemperatures()
    {
        using var simulation = Compile(Technology with { TemperatureK = 5.7 }, 1.0, out var path, out _);

        double gate = simulation.GateDelaysPs(path)[0];

        // 5.7 K lies 3/4 of the way from 4.2 K to 6.2 K.
        Assert.Equal(3.45 + gate + 2.65 + 1.75, simulation.PathDelaysPs(path)[0], 1e-9);
    }

    [Theory]
    [InlineData(1.2, "options.GlobalBiasScale", "[0.9, 1.1]")]
    [InlineData(0.85, "options.GlobalBiasScale", "[0.9, 1.1]")]
    public void BiasOutsideTheTableIsRefusedNamingValueAndRange(double scale, string parameter, string range)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Compile(Technology, scale, out _, out _));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains($"biasScale = {scale}", error.Message);
        Assert.Contains(range, error.Message);
    }

    [Fact]
    public void TemperatureOutsideTheTableIsRefusedNamingValueAndRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Compile(Technology with { TemperatureK = 7 }, 1.0, out _, out _));

        Assert.Equal("technology.TemperatureK", error.ParamName);
        Assert.Contains("temperatureK = 7 K", error.Message);
        Assert.Contains("[4.2, 6.2] K", error.Message);
    }

    [Fact]
    public void InterconnectFailsWhereTheMergerLostItsPulses()
    {
        using var working = Compile(Technology, 1.0, out _, out _);
        using var failing = Compile(Technology, 0.95, out _, out _);

        working.Run(SfqConstants.Ps(400));
        failing.Run(SfqConstants.Ps(400));

        Assert.Equal(0, working.ErrorCountOf(SfqErrorKind.BiasOutOfWindow));
        Assert.True(working.FluxonsDelivered > 0);
        Assert.Equal(1, failing.ErrorCountOf(SfqErrorKind.BiasOutOfWindow));
        Assert.Equal(0, failing.FluxonsDelivered);
    }

    [Fact]
    public void GatePassesWithTheCurveOfTheOperatingBiasScale()
    {
        using var simulation = Compile(Technology, 1.1, out var path, out _);

        // Weight 0.5 sets 70 uA at scale 1 (the nominal curve); at scale 1.1 the gate gets 77 uA and
        // the stronger drive moves its midpoint to 67 uA: p = Phi((77 - 67) / 3.5).
        Assert.Equal(77, simulation.GateBiasesUa(path)[0], 1e-9);
        Assert.Equal(NormalCdf(10 / 3.5), simulation.PassProbabilities(path)[0], 1e-9);
    }

    [Theory]
    [InlineData(1.0, 0.5, 3.5)]
    [InlineData(1.1, 0.5, 3.5 - 1.5 * (10 / 3.5) / 6)]
    public void GateDelayIsTheGrayZoneDelayAtItsStandardScore(double scale, double weight, double expectedPs)
    {
        using var simulation = Compile(Technology, scale, out var path, out _, weight);

        Assert.Equal(expectedPs, simulation.GateDelaysPs(path)[0], 1e-9);
    }

    private static SfqSimulation Compile(SfqTechnology technology, double scale, out Projection path, out Projection other, double weight = 0.5)
    {
        var network = new Network(seed: 4, dt: SfqConstants.Ps(1));
        double[] train = [.. Enumerable.Range(1, 10).Select(k => SfqConstants.Ps(30 * k))];
        var sources = network.AddSpikeSource("in", [train, train]);
        var targets = network.AddPopulation("n", 2, new SfqNeuron { ThresholdFluxons = 0.5 });
        path = network.Connect(sources, targets, Connectivity.Pairs([0], [0]), Synapse.Excitatory(weight, SfqConstants.Ps(3)));
        network.Connect(sources, targets, Connectivity.Pairs([0], [1]), Synapse.Excitatory(1, SfqConstants.Ps(3)));
        other = network.Connect(sources, targets, Connectivity.Pairs([1], [0]), Synapse.Excitatory(1, SfqConstants.Ps(3)));
        return new SfqBackend(technology, new SfqBackendOptions { GlobalBiasScale = scale }).CompileSfq(network);
    }

    /// <summary>Φ by the Maclaurin series of erf, independent of the library's normal CDF.</summary>
    private static double NormalCdf(double z)
    {
        double x = z / Math.Sqrt(2), sum = 0, term = x;
        for (int n = 0; n < 400; n++)
        {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 0.5 * (1 + 2 / Math.Sqrt(Math.PI) * sum);
    }
}
