using Snn.Backends.Onnx;
using Snn.Core.Simulation;
using Xunit.Abstractions;

namespace Snn.Backends.Tests.Onnx;

/// <summary>
/// Short-term plasticity in the ONNX export against the CPU engine: the exact form gives its spikes
/// and membranes bit for bit in the time loop, in chunks (u, x, the last-spike steps and the step
/// counter carried between calls) and streamed one step at a time; the fast form gives its spikes
/// (ONNX Runtime sums its matrix products in its own order, and in its own way in and out of a
/// loop, so its membranes agree within float rounding).
/// The test network's spikes depend on the short-term factors, so a wrong factor shows.
/// </summary>
public class OnnxShortTermTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ExactFormGivesTheCpuEnginesSpikesAndMembranesBitForBit(int seed)
        => AssertOnnxGivesTheCpuEngines(seed, OnnxModelForm.Exact);

    [Fact]
    public void ExactFormRunInChunksContinuesTheShortTermState()
        => AssertOnnxGivesTheCpuEngines(3, OnnxModelForm.Exact, 37.3, 81.2);

    [Theory]
    [InlineData(OnnxModelForm.Exact)]
    [InlineData(OnnxModelForm.Fast)]
    public void SingleStepModelStreamsTheTimeLoopsSpikes(OnnxModelForm form)
    {
        var network = OnnxTestNetworks.ShortTermLif(4, durationMs: 80).Network;
        var loop = OnnxExporter.Build(network, new OnnxExportOptions { Form = form, IncludeMembrane = true });
        var step = OnnxExporter.Build(network, new OnnxExportOptions { Form = form, Shape = OnnxTimeShape.SingleStep, IncludeMembrane = true });
        const int steps = 800;
        var input = OnnxRuns.InputOf(loop.Layout, steps);
        var whole = OnnxRuns.RunLoop(loop, input, steps, 1);
        var streamed = OnnxRuns.Stream(step, input, steps);
        Assert.True(whole["spikes_hidden"].Sum() > 20, "the network is too quiet to test anything");
        foreach (string name in loop.Layout.OutputNames)
        {
            if (form == OnnxModelForm.Exact || name.StartsWith("spikes_", StringComparison.Ordinal))
            {
                SimulationHelpers.AssertBitIdentical(whole[name], streamed[name]);
                continue;
            }
            for (int k = 0; k < whole[name].Length; k++)
            {
                Assert.True(Math.Abs(whole[name][k] - streamed[name][k]) <= 1e-3, $"{name}[{k}]: time loop {whole[name][k]:R}, streamed {streamed[name][k]:R}");
            }
        }
    }

    [Fact]
    public void FastFormGivesTheCpuEnginesSpikesInOneLoop()
    {
        Assert.Equal(1, OnnxRuns.ScanCount(OnnxExporter.Build(OnnxTestNetworks.ShortTermLif(5).Network)));
        AssertOnnxGivesTheCpuEngines(5, OnnxModelForm.Fast);
    }

    /// <summary>A decay table ends at the first interval whose decay no longer changes x in double:
    /// for τ_rec = 2 ms at dt = 0.1 ms, 1 − e^(−749·0.05) rounds to 1 and 1 − e^(−748·0.05) does not
    /// (e^(−37.45) ≈ 5.4e-17 is below 2⁻⁵⁴ ≈ 5.55e-17, e^(−37.4) ≈ 5.7e-17 above), so it holds Δ = 0 to 749;
    /// for 150 ms, Δ = 0 to 56 145 (both lengths counted independently in double with Python).</summary>
    [Fact]
    public void ADecayTableEndsWhereTheDecayNoLongerChangesTheResult()
    {
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(OnnxExporter.Build(OnnxTestNetworks.ShortTermLif(1).Network).Bytes.ToArray());
        string described = session.ModelMetadata.CustomMetadataMap["snn.short_term"];
        output.WriteLine(described);
        Assert.Contains("TauRec=2 ms, TauFac=0 ms), channels 60-79, decay tables 750/0", described);
        Assert.Contains("TauRec=150 ms, TauFac=0 ms), channels 0-29, decay tables 56146/0", described);
        Assert.Contains("reset every 50 ms), channels 120-159, decay tables 500/0", described);
    }

    [Fact]
    public void TheTestNetworksSpikesDependOnTheShortTermFactors()
    {
        var with = OnnxTestNetworks.ShortTermLif(1);
        using var plastic = SimulationHelpers.Run(with.Network, with.DurationMs);
        var without = OnnxTestNetworks.ShortTermLif(1, shortTerm: false);
        using var fixedWeights = SimulationHelpers.Run(without.Network, without.DurationMs);
        for (int m = 0; m < with.Spikes.Length; m++)
        {
            var a = plastic.GetSpikes(with.Spikes[m]);
            var b = fixedWeights.GetSpikes(without.Spikes[m]);
            output.WriteLine($"{with.Spikes[m].Population.Name}: {a.Count} spikes with short-term plasticity, {b.Count} without");
            Assert.False(a.Steps.SequenceEqual(b.Steps) && a.Neurons.SequenceEqual(b.Neurons), $"{with.Spikes[m].Population.Name} fires the same without short-term plasticity");
        }
    }

    /// <summary>Runs the test network of <paramref name="seed"/> on the CPU engine and on ONNX
    /// Runtime in <paramref name="form"/>, the latter in calls of <paramref name="chunksMs"/> and then
    /// the rest, and compares them.</summary>
    private void AssertOnnxGivesTheCpuEngines(int seed, OnnxModelForm form, params double[] chunksMs)
    {
        var onCpu = OnnxTestNetworks.ShortTermLif(seed);
        using var cpu = SimulationHelpers.Run(onCpu.Network, onCpu.DurationMs);
        var onOnnx = OnnxTestNetworks.ShortTermLif(seed);
        using ISimulation onnx = new OnnxBackend { Form = form }.Compile(onOnnx.Network);
        foreach (double chunk in chunksMs)
        {
            onnx.Run(chunk);
        }
        onnx.Run(onOnnx.DurationMs - chunksMs.Sum());
        Assert.Equal(cpu.StepCount, onnx.StepCount);
        AssertSame(onCpu, cpu, onOnnx, onnx, bitForBit: form == OnnxModelForm.Exact);
    }

    private void AssertSame(MonitoredNetwork onCpu, ISimulation cpu, MonitoredNetwork onOnnx, ISimulation onnx, bool bitForBit)
    {
        for (int m = 0; m < onCpu.Spikes.Length; m++)
        {
            var expected = cpu.GetSpikes(onCpu.Spikes[m]);
            SimulationHelpers.AssertSameSpikes(expected, onnx.GetSpikes(onOnnx.Spikes[m]));
            output.WriteLine($"{onCpu.Spikes[m].Population.Name}: {expected.Count} spikes, identical");
            Assert.True(expected.Count > 20, $"only {expected.Count} spikes: the network is too quiet to test anything");
        }
        for (int m = 0; m < onCpu.Membranes.Length; m++)
        {
            var expected = cpu.GetState(onCpu.Membranes[m]);
            var actual = onnx.GetState(onOnnx.Membranes[m]);
            if (bitForBit)
            {
                SimulationHelpers.AssertSameStates(expected, actual);
                continue;
            }
            for (int s = 0; s < expected.Values.Length; s++)
            {
                for (int k = 0; k < expected.Values[s].Length; k++)
                {
                    double e = expected.Values[s][k], a = actual.Values[s][k];
                    Assert.True(Math.Abs(e - a) <= Math.Max(1e-3, 1e-5 * Math.Abs(e)), $"{expected.Variable} sample {s} neuron {k}: CPU {e:R}, fast ONNX {a:R}");
                }
            }
        }
    }
}
