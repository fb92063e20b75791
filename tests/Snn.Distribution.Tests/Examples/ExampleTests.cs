using System.Globalization;
using System.Text.RegularExpressions;
using Snn.Bench.Tests;
using Snn.Distribution.Tests.Support;

namespace Snn.Distribution.Tests.Examples;

/// <summary>Every example of <c>docs/examples</c> is built by this test project and run here, and
/// shows what its README says it shows. Each takes 2 to 20 s on 2 shared cores (the LSM the longest).</summary>
public class ExampleTests
{
    [Fact]
    public void CubaRasterFiresAtAFewHertzAndWritesTheRasterPlot()
    {
        using var directory = new TemporaryDirectory();

        string output = ExampleRunner.Run("CubaRaster", directory.Path);

        // Brette et al. 2007's CUBA network fires irregularly at a few Hz; silent or runaway would leave this band.
        Assert.InRange(Number(output, @"excitatory: \d+ spikes, ([\d.]+) Hz"), 2, 15);
        Assert.InRange(Number(output, @"inhibitory: \d+ spikes, ([\d.]+) Hz"), 2, 15);
        byte[] png = File.ReadAllBytes(Path.Combine(directory.Path, "cuba-raster.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public void StdpPotentiatesTheCorrelatedInputsAndDepressesTheIndependentOnes()
    {
        using var directory = new TemporaryDirectory();

        string output = ExampleRunner.Run("StdpCorrelatedInput", directory.Path);

        const string Line = @"{0}\s+mean weight \(pA\): correlated\s+([\d.]+), independent\s+([\d.]+)";
        double correlatedBefore = Number(output, string.Format(CultureInfo.InvariantCulture, Line, "before"));
        double independentBefore = Number(output, string.Format(CultureInfo.InvariantCulture, Line, "before"), group: 2);
        double correlatedAfter = Number(output, string.Format(CultureInfo.InvariantCulture, Line, "after 120 s"));
        double independentAfter = Number(output, string.Format(CultureInfo.InvariantCulture, Line, "after 120 s"), group: 2);
        Assert.InRange(correlatedBefore, 8, 16);                      // drawn uniformly in [8, 16] pA
        Assert.InRange(independentBefore, 8, 16);
        Assert.True(correlatedAfter > 0.9 * 40, $"correlated inputs reached only {correlatedAfter} pA of the 40 pA bound");
        Assert.True(independentAfter < 0.75 * independentBefore, $"independent inputs went from {independentBefore} to {independentAfter} pA");
    }

    [ExampleFact(ExampleFactAttribute.FashionMnist)]
    public void LiquidStateMachineClassifiesFashionMnistFarAboveChance()
    {
        using var directory = new TemporaryDirectory();

        string output = ExampleRunner.Run("LsmFashionMnist", directory.Path);

        Assert.True(Number(output, @"liquid: 400 neurons, (\d+) spikes per image") > 0);
        Assert.InRange(Number(output, @"liquid \+ ridge readout: test accuracy ([\d.]+) %"), 40, 100);   // chance is 10 %
        Assert.InRange(Number(output, @"ridge readout on the pixels themselves: ([\d.]+) %"), 40, 100);
    }

    [Fact]
    public void DelayNetworkLearnsTheTimingTaskAndOnnxRuntimeClassifiesAsTheCpuEngine()
    {
        using var directory = new TemporaryDirectory();

        string output = ExampleRunner.Run("DelayNetworkOnnx", directory.Path);

        Assert.InRange(Number(output, @"trained: test accuracy ([\d.]+) %"), 60, 100);            // chance is 25 %
        Assert.Contains("same class as the CPU engine for 40 of 40 samples", output);
        Assert.InRange(Number(output, @"deployed on ONNX Runtime: test accuracy ([\d.]+) %"), 60, 100);
        long bytes = (long)Number(output, @"wrote delay-network.onnx \((\d+) bytes\)");
        Assert.Equal(bytes, new FileInfo(Path.Combine(directory.Path, "delay-network.onnx")).Length);
    }

    [Fact]
    public void CrossbarWithAnIdealDeviceGivesTheCpuSpikesAndReportsItsCost()
    {
        using var directory = new TemporaryDirectory();

        string output = ExampleRunner.Run("CrossbarCost", directory.Path);

        var match = Regex.Match(output, @"cpu: (\d+) spikes, crossbar: (\d+) spikes, identical: True");
        Assert.True(match.Success, output);
        Assert.True(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > 100, output);
        Assert.Contains("ADC energy", output);
        Assert.True(Number(output, @"total energy: ([\d.Ee+-]+) J") > 0, output);
    }

    [Fact]
    public void NirImportFiresEachChannelOneStepAfterItsDelayedInput()
    {
        using var directory = new TemporaryDirectory();

        string output = ExampleRunner.Run("NirImport", directory.Path);

        // Input spikes at 1 ms, channel delays 0, 0.5 and 1 ms; each LIF crosses threshold in the step its input arrives (dt 0.1 ms).
        Assert.Contains("delay_lif.nir: NIR 1.0.0", output);
        Assert.Equal(["output[0] spikes at 1.1 ms", "output[1] spikes at 1.6 ms", "output[2] spikes at 2.1 ms"],
            output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("output[", StringComparison.Ordinal)));
    }

    [ExampleFact(ExampleFactAttribute.Mpirun)]
    public void MpiEngineOnTwoRanksGivesTheSpikesOfOneProcess()
    {
        using var directory = new TemporaryDirectory();

        string output = ExampleRunner.RunOnRanks("MpiEngine", 2, directory.Path);

        Assert.Contains("rank 0 of 2:", output);
        Assert.Contains("rank 1 of 2:", output);
        var match = Regex.Match(output, @"2 ranks: (\d+) spikes .*; one process: (\d+) spikes; identical: True");
        Assert.True(match.Success, output);
        Assert.True(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > 100, output);
    }

    private static double Number(string output, string pattern, int group = 1)
    {
        var match = Regex.Match(output, pattern);
        Assert.True(match.Success, $"no line matches '{pattern}' in:\n{output}");
        return double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
    }
}
