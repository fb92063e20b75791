using Snn.Backends.Crossbar;

namespace Snn.Backends.Tests.Crossbar;

/// <summary>The device side of on-chip learning, measured on a chip through a plastic projection:
/// the per-pulse response, its levels and bounds, its noise, the one-sided PCM pair and the cost.</summary>
public sealed class PulseResponseTests
{
    private const double GMin = 1;
    private const double GMax = 11;

    private static ResistiveDevice Device(PulseUpdateModel update) => ResistiveDevice.Ideal with { GMin = GMin, GMax = GMax, Update = update };

    [Fact]
    public void PotentiationStepShrinksWithConductanceAsTheExponentialModelPredicts()
    {
        const int pulses = 40;
        const double nu = 3;
        var update = new PulseUpdateModel { PotentiationPulses = pulses, DepressionPulses = 25, PotentiationNonlinearity = nu, DepressionNonlinearity = 1.5 };
        using var bench = new PulseTestChip(Device(update), synapses: 2, initialWeight: 0);
        double range = GMax - GMin;
        double asymptote = GMin + range / (1 - Math.Exp(-nu));
        double factor = 1 - Math.Exp(-nu / pulses);
        double g = bench.Plus[0];
        Assert.Equal(GMin, g);
        double previousStep = double.PositiveInfinity;
        for (int k = 0; k < pulses; k++)
        {
            bench.Request(1.0 / pulses);
            double next = bench.Plus[0];
            double step = next - g;
            Assert.Equal((asymptote - g) * factor, step, 1e-10);
            Assert.True(step < previousStep, $"pulse {k}: step {step} is not below the previous {previousStep}");
            previousStep = step;
            g = next;
        }
        Assert.Equal(GMin, bench.Minus[0]);
        double first = range / (1 - Math.Exp(-nu)) * factor;
        Assert.Equal(Math.Exp(-nu * (pulses - 1) / pulses), previousStep / first, 1e-9);
    }

    [Fact]
    public void DepressionFollowsItsOwnNonlinearitySoLtpAndLtdAreAsymmetric()
    {
        var update = new PulseUpdateModel { PotentiationPulses = 40, DepressionPulses = 25, PotentiationNonlinearity = 3, DepressionNonlinearity = 1.5 };
        using var bench = new PulseTestChip(Device(update), synapses: 2, initialWeight: 1);
        double range = GMax - GMin;
        double betaMinus = 1 / (1 - Math.Exp(-1.5));
        double factor = 1 - Math.Exp(-1.5 / 25);
        double g = bench.Plus[0];
        Assert.Equal(GMax, g, 12);
        double previousStep = double.PositiveInfinity;
        for (int k = 0; k < 20; k++)
        {
            bench.Request(-1.0 / 25);
            double next = bench.Plus[0];
            double x = (g - GMin) / range;
            Assert.Equal((x + betaMinus - 1) * factor * range, g - next, 1e-10);
            Assert.True(g - next < previousStep, $"pulse {k}: depression step {g - next} is not below the previous {previousStep}");
            previousStep = g - next;
            g = next;
        }
        for (double x = 0.1; x < 1; x += 0.2)
        {
            double up = update.Potentiate(x) - x;
            double down = x - update.Depress(x);
            Assert.Equal((1 / (1 - Math.Exp(-3)) - x) * (1 - Math.Exp(-3.0 / 40)), up, 12);
            Assert.Equal((x + betaMinus - 1) * factor, down, 12);
        }
        Assert.True(update.Potentiate(0.9) - 0.9 < 0.9 - update.Depress(0.9), "near GMax potentiation steps are the smaller ones");
        Assert.True(update.Potentiate(0.1) - 0.1 > 0.1 - update.Depress(0.1), "near GMin depression steps are the smaller ones");
    }

    [Fact]
    public void FullSweepTakesTheConfiguredPulsesAndSaturatesAtGMax()
    {
        const int pulses = 16;
        var update = new PulseUpdateModel { PotentiationPulses = pulses, DepressionPulses = pulses };
        using var bench = new PulseTestChip(Device(update), synapses: 1, initialWeight: 0);
        var levels = new List<double> { bench.Plus[0] };
        for (int k = 0; k < pulses + 4; k++)
        {
            bench.Request(1.0 / pulses);
            levels.Add(bench.Plus[0]);
        }
        for (int k = 0; k <= pulses; k++)
        {
            Assert.Equal(GMin + k * (GMax - GMin) / pulses, levels[k], 12);
        }
        Assert.All(levels.Skip(pulses), g => Assert.Equal(GMax, g, 12));
        Assert.Equal(pulses + 1, levels.Select(g => Math.Round(g, 9)).Distinct().Count());
        Assert.Equal(1f, bench.Chip.GetWeights(bench.Projection)[0], 6);
        for (int k = 0; k < pulses; k++)
        {
            bench.Request(-1.0 / pulses);
        }
        Assert.Equal(GMin, bench.Plus[0], 12);
        Assert.Equal(GMin, bench.Minus[0], 12);
        for (int k = 0; k < pulses + 4; k++)
        {
            bench.Request(-1.0 / pulses);
        }
        Assert.Equal(GMin, bench.Plus[0], 12);
        Assert.Equal(GMax, bench.Minus[0], 12);
        Assert.Equal(-1f, bench.Chip.GetWeights(bench.Projection)[0], 6);
        var cost = bench.Chip.Cost();
        Assert.Equal(3L * pulses + 8, cost.ProgrammingRequests);
        Assert.Equal(3L * pulses + 8, cost.ProgrammingPulses);
        var energy = cost.Items.Single(i => i.Name == "programming energy");
        Assert.Equal(CostProvenance.Modelled, energy.Provenance);
        double conductancePulses = 3 * pulses * (GMin + GMax) / 2 + 2 * 4 * GMax;
        Assert.Equal(2.0 * 2.0 * conductancePulses * 1e-6 * 10e-9, energy.Value, 1e-20);
    }

    [Fact]
    public void SinglePulseUpdatesScatterWithTheCycleToCycleSigma()
    {
        var device = ResistiveDevice.AgASiRram;
        var update = device.Update;
        const int synapses = 4000;
        using var bench = new PulseTestChip(device, synapses, initialWeight: 0.5);
        var before = bench.Plus;
        bench.Request(1.0 / update.PotentiationPulses!.Value);
        var after = bench.Plus;
        double range = device.GMax - device.GMin;
        var steps = after.Select((g, s) => (g - before[s]) / range).ToArray();
        double sigma = update.CycleToCycleNoise;
        Assert.InRange(CrossbarTestNetworks.Std(steps), 0.95 * sigma, 1.05 * sigma);
        double nominal = update.Potentiate(0.5) - 0.5;
        Assert.InRange(steps.Average(), nominal - 4 * sigma / Math.Sqrt(synapses), nominal + 4 * sigma / Math.Sqrt(synapses));
        Assert.Equal(synapses, bench.Chip.Cost().ProgrammingPulses);
    }

    [Fact]
    public void StuckCellsTakePulsesWithoutChanging()
    {
        var update = new PulseUpdateModel { PotentiationPulses = 10, DepressionPulses = 10 };
        using var bench = new PulseTestChip(Device(update) with { StuckOnRate = 1 }, synapses: 3, initialWeight: 0);
        bench.Request(0.3);
        Assert.All(bench.Plus, g => Assert.Equal(GMax, g));
        Assert.All(bench.Chip.GetWeights(bench.Projection), w => Assert.Equal(0f, w));
        Assert.Equal(9, bench.Chip.Cost().ProgrammingPulses);
    }

    [Fact]
    public void StochasticRoundingKeepsTheMeanOfSubStepRequests()
    {
        var update = new PulseUpdateModel { PotentiationPulses = 10, DepressionPulses = 10 };
        using var bench = new PulseTestChip(Device(update), synapses: 2000, initialWeight: 0, PulseRounding.Stochastic);
        bench.Request(0.03);
        var weights = bench.Chip.GetWeights(bench.Projection);
        Assert.All(weights, w => Assert.True(w == 0 || Math.Abs(w - 0.1) < 1e-6, $"weight {w} is not 0 or one step"));
        Assert.InRange(weights.Average(w => (double)w), 0.03 - 0.004, 0.03 + 0.004);
    }

    [Fact]
    public void PcmPairDepressesByPotentiatingItsNegativeCellAndRefreshes()
    {
        var update = new PulseUpdateModel { PotentiationPulses = 20, ResetDepression = true };
        using var bench = new PulseTestChip(Device(update), synapses: 1, initialWeight: 0);
        double range = GMax - GMin;
        bench.Request(0.6);
        bench.Request(-0.2);
        Assert.Equal(GMin + 0.6 * range, bench.Plus[0], 9);
        Assert.Equal(GMin + 0.2 * range, bench.Minus[0], 9);
        Assert.Equal(0.4f, bench.Chip.GetWeights(bench.Projection)[0], 5);
        bench.Request(0.2);
        Assert.Equal(GMin + 0.8 * range, bench.Plus[0], 9);
        bench.Request(-0.1);
        Assert.Equal(GMin + 0.5 * range, bench.Plus[0], 9);
        Assert.Equal(GMin, bench.Minus[0], 9);
        Assert.Equal(0.5f, bench.Chip.GetWeights(bench.Projection)[0], 5);
        var cost = bench.Chip.Cost();
        Assert.Equal(12 + 4 + 4 + 2 + 2 + 10, cost.ProgrammingPulses);
        Assert.Contains("32 potentiation, 0 depression, 2 reset (1 refreshes)", cost.Items.Single(i => i.Name == "programming pulses").Source);
    }
}
