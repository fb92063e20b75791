using Snn.Backends.Crossbar;
using Snn.Backends.Tests.Gpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Crossbar;

/// <summary>Plastic projections learning on the chip: equivalence with the CPU engine on an ideal chip,
/// the direction in which a real device bends what is learned, and the refusals and checks.</summary>
public sealed class CrossbarPlasticityTests
{
    /// <summary>Poisson sources onto LIF targets under <see cref="TestStdp"/> with a periodic, modulated update,
    /// five delays (so arrivals of several tile sets meet in one step), a static projection, a Poisson drive
    /// and a modulator driven by the targets.</summary>
    private static (Network Network, Projection Plastic, SpikeMonitor Spikes, Modulator Reward) StdpNetwork()
    {
        var network = new Network(seed: 11, dt: 0.5);
        var input = network.AddPoissonInput("in", 40, 60);
        var targets = network.AddPopulation("out", 12, new LifCurrent { TauM = 10, RefractoryPeriod = 1 });
        network.Inject(targets, new DcCurrent(300));
        network.AddPoissonDrive(targets, 500, 40);
        var reward = network.AddModulator("reward", tauMs: 5, baseline: 0.01, source: targets, gainPerSpike: 0.05);
        var plastic = network.Connect(input, targets, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Uniform(50, 150), Dist.Uniform(0.5, 2.5)))
            .WithPlasticity(new TestStdp { PeriodMs = 1 }, reward);
        network.Connect(input, targets, Connectivity.Probability(0.2), Synapse.Excitatory(30, 1));
        return (network, plastic, network.RecordSpikes(targets), reward);
    }

    [Fact]
    public void IdealChipLearnsExactlyTheCpuEnginesWeightsAndSpikes()
    {
        var (cpuNetwork, cpuPlastic, cpuSpikes, cpuReward) = StdpNetwork();
        var (chipNetwork, chipPlastic, chipSpikes, chipReward) = StdpNetwork();
        using var cpu = SimulationHelpers.Compile(cpuNetwork);
        var options = new CrossbarOptions { WeightRanges = new Dictionary<string, double> { [chipPlastic.Name] = 450 } };
        using var chip = new CrossbarBackend(options).CompileCrossbar(chipNetwork);
        SimulationHelpers.AssertBitIdentical(cpu.GetWeights(cpuPlastic), chip.GetWeights(chipPlastic));
        cpu.Run(150);
        chip.Run(150);
        var expected = cpu.GetSpikes(cpuSpikes);
        Assert.True(expected.Count > 200, $"only {expected.Count} spikes");
        SimulationHelpers.AssertSameSpikes(expected, chip.GetSpikes(chipSpikes));
        var learned = cpu.GetWeights(cpuPlastic);
        var initial = cpuPlastic.Instantiate().Weights;
        Assert.True(learned.Where((w, s) => Math.Abs(w - initial[s]) > 1).Count() > learned.Length / 2, "the rule hardly changed the weights");
        SimulationHelpers.AssertBitIdentical(learned, chip.GetWeights(chipPlastic));
        Assert.Equal(cpu.GetModulator(cpuReward), chip.GetModulator(chipReward));
        var cost = chip.Cost();
        Assert.True(cost.ProgrammingRequests > 1000, $"only {cost.ProgrammingRequests} programming requests");
        Assert.True(cost.Energy("programming energy") > 0);
    }

    [Fact]
    public void DigitisedReadsOfPlasticRowsLandInTheArrivalStep()
    {
        var (cpuNetwork, cpuPlastic, cpuSpikes, _) = StdpNetwork();
        var (chipNetwork, chipPlastic, chipSpikes, _) = StdpNetwork();
        using var cpu = SimulationHelpers.Compile(cpuNetwork);
        var options = new CrossbarOptions { AdcBits = 16, WeightRanges = new Dictionary<string, double> { [chipPlastic.Name] = 450 } };
        using var chip = new CrossbarBackend(options).CompileCrossbar(chipNetwork);
        Assert.False(options.IsLinearRead);
        cpu.Run(150);
        chip.Run(150);
        var expected = cpu.GetSpikes(cpuSpikes);
        var actual = chip.GetSpikes(chipSpikes);
        Assert.InRange(actual.Count, 0.97 * expected.Count, 1.03 * expected.Count);
        int same = actual.Steps.Zip(actual.Neurons).Intersect(expected.Steps.Zip(expected.Neurons)).Count();
        Assert.True(same > 0.8 * expected.Count, $"only {same} of {expected.Count} spikes at the same step");
        var learned = cpu.GetWeights(cpuPlastic);
        var onChip = chip.GetWeights(chipPlastic);
        Assert.InRange(onChip.Average(w => (double)w), learned.Average(w => (double)w) - 2, learned.Average(w => (double)w) + 2);
    }

    [Fact]
    public void SetModulatorAndSetWeightsReachThePlasticCells()
    {
        var (network, plastic, _, reward) = StdpNetwork();
        var options = new CrossbarOptions { WeightRanges = new Dictionary<string, double> { [plastic.Name] = 450 } };
        using var chip = new CrossbarBackend(options).CompileCrossbar(network);
        chip.SetModulator(reward, 0.75);
        Assert.Equal(0.75, chip.GetModulator(reward), 6);
        var weights = Enumerable.Range(0, plastic.Instantiate().Count).Select(s => (float)(s % 7 * 10)).ToArray();
        chip.SetWeights(plastic, weights);
        SimulationHelpers.AssertBitIdentical(weights, chip.GetWeights(plastic));
        Assert.Equal(weights, chip.GetConductances(plastic).EffectiveWeights);
        chip.Run(20);
        Assert.NotEqual(weights, chip.GetWeights(plastic));
    }

    [Fact]
    public void RramPresetPotentiatesLessThanSoftwareNearTheTopOfItsRange()
    {
        const double start = 0.7;
        var (software, softwarePlastic, softwareSpikes) = TeacherNetwork(start);
        var (device, devicePlastic, deviceSpikes) = TeacherNetwork(start);
        using var cpu = SimulationHelpers.Compile(software);
        var options = new CrossbarOptions { Device = ResistiveDevice.AgASiRram, WeightRanges = new Dictionary<string, double> { [devicePlastic.Name] = 1 } };
        using var chip = new CrossbarBackend(options).CompileCrossbar(device);
        cpu.Run(1000);
        chip.Run(1000);
        Assert.Equal(200, cpu.GetSpikes(softwareSpikes).Count);
        Assert.Equal(200, chip.GetSpikes(deviceSpikes).Count);
        double ideal = cpu.GetWeights(softwarePlastic).Average(w => (double)w) - start;
        double learned = chip.GetWeights(devicePlastic).Average(w => (double)w) - start;
        var update = ResistiveDevice.AgASiRram.Update;
        double predicted = CurveAt(update, update.PotentiationPosition(start) + ideal * update.PotentiationPulses!.Value) - start;
        Assert.InRange(ideal, 0.12, 0.2);
        Assert.True(learned < 0.9 * ideal, $"device potentiation {learned:F4} is not clearly below software {ideal:F4}");
        Assert.InRange(learned, predicted - 0.03, predicted + 0.03);
    }

    /// <summary>x(p) = β₊(1 − e^(−ν₊·p/N₊)): the noise-free potentiation curve at pulse position <paramref name="p"/>.</summary>
    private static double CurveAt(PulseUpdateModel update, double p)
    {
        double nu = update.PotentiationNonlinearity;
        int n = update.PotentiationPulses!.Value;
        return (1 - Math.Exp(-nu * p / n)) / (1 - Math.Exp(-nu));
    }

    /// <summary>200 sources fire 3 ms before each of 20 teacher spikes that make each of 10 LIF targets fire once,
    /// so pair STDP (potentiation only) sees the same causal pairs on every engine; the plastic weights (at most
    /// 1 pA) cannot add or remove a spike.</summary>
    private static (Network Network, Projection Plastic, SpikeMonitor Spikes) TeacherNetwork(double start)
    {
        var network = new Network(seed: 5, dt: 0.5);
        var teach = Enumerable.Range(0, 20).Select(k => 20.0 + 50 * k).ToArray();
        var teacher = network.AddSpikeSource("teacher", Enumerable.Range(0, 10).Select(_ => teach).ToArray());
        var inputs = network.AddSpikeSource("in", Enumerable.Range(0, 200).Select(_ => teach.Select(t => t - 3).ToArray()).ToArray());
        var targets = network.AddPopulation("out", 10, new LifCurrent());
        network.Connect(teacher, targets, Connectivity.OneToOne(), Synapse.Excitatory(3000, 0.5));
        var plastic = network.Connect(inputs, targets, Connectivity.AllToAll(), Synapse.Excitatory(start, 1))
            .WithPlasticity(new TestStdp { APlus = 0.0125, AMinus = 0, TauMs = 10, WMax = 1 });
        return (network, plastic, network.RecordSpikes(targets));
    }

    [Fact]
    public void PlasticMultapsesAreRefusedByName()
    {
        var network = new Network(seed: 1, dt: 1);
        var a = network.AddPopulation("a", 2, new LifCurrent());
        var b = network.AddPopulation("b", 2, new LifCurrent());
        network.Connect(a, b, Connectivity.Pairs([0, 0], [1, 1]), Synapse.Excitatory(1.0, 1)).WithPlasticity(new AddModulatorRule());
        var error = Assert.Throws<NotSupportedException>(() => new CrossbarBackend().Compile(network));
        Assert.Contains("a->b#0", error.Message);
    }

    [Fact]
    public void BadUpdateModelsNameTheirParameter()
    {
        AssertParameter("PotentiationPulses", new PulseUpdateModel { PotentiationPulses = 0, DepressionPulses = 10 });
        AssertParameter("DepressionPulses", new PulseUpdateModel { PotentiationPulses = 10 });
        AssertParameter("DepressionPulses", new PulseUpdateModel { PotentiationPulses = 10, DepressionPulses = 10, ResetDepression = true });
        AssertParameter("PotentiationNonlinearity", new PulseUpdateModel { PotentiationPulses = 10, DepressionPulses = 10, PotentiationNonlinearity = double.NaN });
        AssertParameter("DepressionNonlinearity", new PulseUpdateModel { PotentiationPulses = 10, DepressionPulses = 10, DepressionNonlinearity = -1 });
        AssertParameter("CycleToCycleNoise", new PulseUpdateModel { PotentiationPulses = 10, DepressionPulses = 10, CycleToCycleNoise = 1.5 });
        AssertParameter("CycleToCycleNoise", new PulseUpdateModel { CycleToCycleNoise = 0.01 });
        AssertParameter("RefreshUpper", new PulseUpdateModel { PotentiationPulses = 10, ResetDepression = true, RefreshUpper = 0.2 });
        AssertParameter("PotentiationPulseWidth", new PulseUpdateModel { PotentiationPulseWidth = -1e-9 });
        var device = ResistiveDevice.Ideal with { Update = new PulseUpdateModel { PotentiationPulses = 10, DepressionPulses = 2_000_000 } };
        var error = Assert.ThrowsAny<ArgumentException>(() => new CrossbarBackend(new CrossbarOptions { Device = device }).Compile(new Network()));
        Assert.Equal("DepressionPulses", error.ParamName);
        Assert.Throws<InvalidOperationException>(() => PulseUpdateModel.Ideal.Potentiate(0.5));
        foreach (var preset in ResistiveDevice.LearningPresets)
        {
            preset.Validate();
        }
    }

    [Fact]
    public void BadWeightRangesAreRejectedWithTheirName()
    {
        var options = new CrossbarOptions { WeightRanges = new Dictionary<string, double> { ["x"] = -1 } };
        var range = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal("WeightRanges['x']", range.ParamName);
        var (network, plastic, _, _) = StdpNetwork();
        var unknown = new CrossbarOptions { WeightRanges = new Dictionary<string, double> { ["nope"] = 1 } };
        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() => new CrossbarBackend(unknown).Compile(network)).Message);
        var (other, otherPlastic, _, _) = StdpNetwork();
        var small = new CrossbarOptions { WeightRanges = new Dictionary<string, double> { [otherPlastic.Name] = 100 } };
        var beyond = Assert.Throws<ArgumentOutOfRangeException>(() => new CrossbarBackend(small).Compile(other));
        Assert.Contains(otherPlastic.Name, beyond.Message);
        Assert.Contains(plastic.Name, otherPlastic.Name);
    }

    private static void AssertParameter(string name, PulseUpdateModel model)
    {
        var error = Assert.ThrowsAny<ArgumentException>(model.Validate);
        Assert.Equal(name, error.ParamName);
    }
}
