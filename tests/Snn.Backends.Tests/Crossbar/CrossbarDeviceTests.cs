using Snn.Backends.Crossbar;

namespace Snn.Backends.Tests.Crossbar;

public sealed class CrossbarDeviceTests
{
    [Fact]
    public void ProgrammedConductancesScatterWithThePresetSigma()
    {
        var device = ResistiveDevice.ReRamWan2022;
        var (chip, projection) = CrossbarTestNetworks.Uniform(device, 100, 200, 1.0);
        var cells = chip.GetConductances(projection);
        Assert.All(cells.TargetPlus, g => Assert.Equal(device.GMax, g, 9));
        var errors = cells.ProgrammedPlus.Select((g, s) => g - cells.TargetPlus[s]).ToArray();
        double expected = device.ProgrammingSigma(device.GMax);
        Assert.InRange(CrossbarTestNetworks.Std(errors), 0.97 * expected, 1.03 * expected);
        Assert.InRange(errors.Average(), -0.03 * expected, 0.03 * expected);
        Assert.Equal(1.103, expected, 3);
    }

    [Fact]
    public void IssueTenReRamSigmaFollowsItsLinearFit()
    {
        var device = ResistiveDevice.ReRamHighConductance;
        Assert.Equal(4.782 - 0.0007 * 50, device.ProgrammingSigma(50), 12);
        Assert.Equal(4.782 - 0.0007 * 225, device.ProgrammingSigma(225), 12);
        Assert.Equal(0, device.ProgrammingSigma(10_000));
    }

    [Fact]
    public void DriftExponentIsRecoveredFromConductanceDecay()
    {
        var device = ResistiveDevice.AihwkitPcm with { ProgrammingNoiseScale = 0, ReadNoise = 0 };
        const double day = 86400;
        var (chip, projection) = CrossbarTestNetworks.Uniform(device, 100, 200, 1.0, timeSinceProgramming: day);
        var cells = chip.GetConductances(projection);
        double logRatio = Math.Log((day + device.DriftT0) / device.DriftT0);
        var nu = cells.ReadPlus.Select((g, s) => -Math.Log(g / cells.ProgrammedPlus[s]) / logRatio).ToArray();
        Assert.InRange(nu.Average(), 0.049 - 0.0005, 0.049 + 0.0005);
        Assert.InRange(CrossbarTestNetworks.Std(nu), 0.008 * 0.95, 0.008 * 1.05);
    }

    [Fact]
    public void DriftCompensationRestoresTheMeanWeight()
    {
        var device = ResistiveDevice.AihwkitPcm with { ProgrammingNoiseScale = 0 };
        var (drifted, projection) = CrossbarTestNetworks.Uniform(device, 50, 50, 1.0, timeSinceProgramming: 3.15e7);
        var (compensated, other) = CrossbarTestNetworks.Uniform(device, 50, 50, 1.0, timeSinceProgramming: 3.15e7, compensation: true);
        double expected = Math.Pow((3.15e7 + 20) / 20, -0.049);
        Assert.InRange(drifted.GetWeights(projection).Average(w => (double)w), expected - 0.01, expected + 0.01);
        Assert.InRange(compensated.GetWeights(other).Average(w => (double)w), 0.999, 1.001);
    }

    [Fact]
    public void StuckAtFaultsOccurAtTheirRates()
    {
        var device = ResistiveDevice.Ideal with { StuckOnRate = 0.02, StuckOffRate = 0.03 };
        var (chip, projection) = CrossbarTestNetworks.Uniform(device, 100, 200, 0.5);
        var cells = chip.GetConductances(projection);
        var faults = cells.FaultPlus.Concat(cells.FaultMinus).ToArray();
        double on = faults.Count(f => f == CellFault.StuckOn) / (double)faults.Length;
        double off = faults.Count(f => f == CellFault.StuckOff) / (double)faults.Length;
        Assert.InRange(on, 0.02 - 4 * Math.Sqrt(0.02 * 0.98 / faults.Length), 0.02 + 4 * Math.Sqrt(0.02 * 0.98 / faults.Length));
        Assert.InRange(off, 0.03 - 4 * Math.Sqrt(0.03 * 0.97 / faults.Length), 0.03 + 4 * Math.Sqrt(0.03 * 0.97 / faults.Length));
        for (int s = 0; s < cells.FaultPlus.Length; s++)
        {
            if (cells.FaultPlus[s] == CellFault.StuckOn)
            {
                Assert.Equal(device.GMax, cells.ReadPlus[s]);
            }
        }
    }

    [Fact]
    public void LimitedLevelsQuantiseTheTargets()
    {
        var device = ResistiveDevice.NeuroSimRram with { Levels = 4 };
        var (chip, projection) = CrossbarTestNetworks.Uniform(device, 10, 10, 0.3);
        var cells = chip.GetConductances(projection);
        double step = (device.GMax - device.GMin) / 3;
        Assert.All(cells.TargetPlus.Concat(cells.TargetMinus), g => Assert.Equal(0, Math.Abs(Math.IEEERemainder(g - device.GMin, step)), 9));
    }

    [Fact]
    public void AdcOutputTakesAtMostTwoToTheBitsLevels()
    {
        var adc = new AnalogToDigitalConverter(4, 1.0);
        var outputs = Enumerable.Range(0, 10_001).Select(i => adc.Convert(-2 + 4.0 * i / 10_000)).Distinct().Order().ToArray();
        Assert.True(outputs.Length <= 16);
        Assert.Equal(15, outputs.Length);
        Assert.Equal(-1.0, outputs[0], 12);
        Assert.Equal(1.0, outputs[^1], 12);
        Assert.Equal(1.0 / 7, outputs[1] - outputs[0], 12);
        Assert.Equal(0.0, adc.Convert(0.0));
    }

    [Fact]
    public void WireDropLowersFarColumnCurrents()
    {
        var tile = new CrossbarTile(64, 64);
        tile.Conductances.Fill(100);
        var rows = Enumerable.Range(0, 64).ToArray();
        var ideal = new double[64];
        var real = new double[64];
        tile.Read(rows, 0.2, 0, ideal);
        tile.Read(rows, 0.2, 1.0, real);
        Assert.All(ideal, i => Assert.Equal(64 * 0.2 * 100, i, 9));
        for (int j = 1; j < 64; j++)
        {
            Assert.True(real[j] < real[j - 1], $"column {j}: {real[j]} µA is not below column {j - 1}: {real[j - 1]} µA");
        }
        Assert.True(real[^1] < 0.9 * ideal[^1]);
        Assert.True(real[0] < ideal[0]);
    }

    [Fact]
    public void ReadNoiseIsReproducibleAndPerturbsTheRun()
    {
        int Spikes(double readNoise)
        {
            var network = SimulationHelpers.Cuba(200, seed: 9);
            using var chip = new CrossbarBackend(new CrossbarOptions { Device = ResistiveDevice.Ideal with { ReadNoise = readNoise } }).CompileCrossbar(network.Network);
            chip.Run(50);
            var spikes = chip.GetSpikes(network.ExcitatorySpikes);
            return spikes.Steps.Length * 7919 + spikes.Neurons.Sum();
        }
        Assert.Equal(Spikes(0.05), Spikes(0.05));
        Assert.NotEqual(Spikes(0), Spikes(0.05));
    }

    [Fact]
    public void CostReportCountsReadsConversionsAndCellEnergy()
    {
        var device = ResistiveDevice.NeuroSimRram;
        var (chip, projection) = CrossbarTestNetworks.Uniform(device, 10, 20, 0.5);
        chip.Run(3);
        var cost = chip.Cost();
        Assert.Equal(1, cost.Tiles);
        Assert.Equal(10, cost.RowActivations);
        Assert.Equal(10 * 40, cost.CellReads);
        Assert.Equal(20, cost.AdcConversions);
        Assert.Equal(200, cost.SynapticOperations);
        Assert.Equal(3 * 20, cost.NeuronUpdates);
        var cells = chip.GetConductances(projection);
        double conductance = cells.ReadPlus.Sum() + cells.ReadMinus.Sum();
        double expected = 0.2 * 0.2 * 10e-9 * conductance * 1e-6;
        Assert.Equal(1.0, cost.Energy("cell read energy") / expected, 12);
        Assert.True(cost.TotalEnergy > cost.Energy("cell read energy"));
        Assert.All(cost.Items, item => Assert.False(string.IsNullOrEmpty(item.Source)));
    }
}
