using Snn.Backends.Onnx;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Onnx;

/// <summary>
/// The exported model run by ONNX Runtime against the CPU engine on the same network and input
/// spikes: the spikes must be identical and the membrane potentials agree to 1e-5 relative (in
/// fact bit for bit, since the export repeats the engine's float operations in its order).
/// </summary>
public class OnnxEquivalenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FeedForwardLifWithDelaysGivesTheCpuEnginesSpikes(int seed)
        => AssertEquivalent(() => OnnxTestNetworks.FeedForwardLif(seed));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RecurrentConductanceNetworkGivesTheCpuEnginesSpikes(int seed)
        => AssertEquivalent(() => OnnxTestNetworks.RecurrentConductance(seed));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ForwardEulerConductanceNetworkGivesTheCpuEnginesSpikes(int seed)
        => AssertEquivalent(() => OnnxTestNetworks.RecurrentConductance(seed, integration: ConductanceIntegration.ForwardEuler));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RecurrentIzhikevichNetworkGivesTheCpuEnginesSpikes(int seed)
        => AssertEquivalent(() => OnnxTestNetworks.RecurrentIzhikevich(seed));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RecurrentDiscreteLifNetworkGivesTheCpuEnginesSpikes(int seed)
        => AssertEquivalent(() => OnnxTestNetworks.RecurrentDiscreteLif(seed));

    [Fact]
    public void RunsInChunksContinueFromTheCarriedState()
        => AssertChunksMatchOneRun(seed => OnnxTestNetworks.RecurrentConductance(seed));

    [Fact]
    public void DiscreteLifRunsInChunksKeepTheBiasOnsetCountdown()
        => AssertChunksMatchOneRun(seed => OnnxTestNetworks.RecurrentDiscreteLif(seed, durationMs: 15));

    [Fact]
    public void DiscreteLifBiasOnsetBeyondInt32IsRejected()
    {
        var network = new Network(1, dt: 1.0);
        var input = network.AddSpikeSource("input", [[1.0]]);
        var late = network.AddPopulation("late", 2, new DiscreteLif { BiasOnsetStep = (long)int.MaxValue + 1 });
        network.Connect(input, late, Connectivity.AllToAll(), Synapse.Excitatory(0.5));
        var error = Assert.Throws<NotSupportedException>(() => new OnnxBackend().Compile(network));
        Assert.Contains("BiasOnsetStep = 2147483648", error.Message);
    }

    private static void AssertChunksMatchOneRun(Func<int, MonitoredNetwork> build)
    {
        var whole = build(4);
        using var reference = new OnnxBackend().Compile(whole.Network);
        reference.Run(whole.DurationMs);
        var chunked = build(4);
        using var simulation = new OnnxBackend().Compile(chunked.Network);
        simulation.Run(whole.DurationMs / 3);
        simulation.Run(whole.DurationMs - whole.DurationMs / 3);

        Assert.Equal(reference.StepCount, simulation.StepCount);
        for (int m = 0; m < whole.Spikes.Length; m++)
        {
            SimulationHelpers.AssertSameSpikes(reference.GetSpikes(whole.Spikes[m]), simulation.GetSpikes(chunked.Spikes[m]));
            SimulationHelpers.AssertSameStates(reference.GetState(whole.Membranes[m]), simulation.GetState(chunked.Membranes[m]));
        }
    }

    private static void AssertEquivalent(Func<MonitoredNetwork> build)
    {
        var onCpu = build();
        using var cpu = SimulationHelpers.Run(onCpu.Network, onCpu.DurationMs);
        var onOnnx = build();
        using ISimulation onnx = new OnnxBackend().Compile(onOnnx.Network);
        onnx.Run(onOnnx.DurationMs);

        int total = 0;
        for (int m = 0; m < onCpu.Spikes.Length; m++)
        {
            var expected = cpu.GetSpikes(onCpu.Spikes[m]);
            SimulationHelpers.AssertSameSpikes(expected, onnx.GetSpikes(onOnnx.Spikes[m]));
            total += expected.Count;
        }
        Assert.True(total > 20, $"only {total} spikes: the network is too quiet to test anything");
        for (int m = 0; m < onCpu.Membranes.Length; m++)
        {
            AssertClose(cpu.GetState(onCpu.Membranes[m]), onnx.GetState(onOnnx.Membranes[m]), 1e-5);
            SimulationHelpers.AssertSameStates(cpu.GetState(onCpu.Membranes[m]), onnx.GetState(onOnnx.Membranes[m]));
        }
    }

    private static void AssertClose(StateRecord expected, StateRecord actual, double relative)
    {
        Assert.Equal(expected.Times, actual.Times);
        for (int s = 0; s < expected.Values.Length; s++)
        {
            for (int k = 0; k < expected.Values[s].Length; k++)
            {
                double e = expected.Values[s][k], a = actual.Values[s][k];
                Assert.True(Math.Abs(e - a) <= relative * Math.Max(Math.Abs(e), 1e-6),
                    $"sample {s} neuron {k}: CPU {e:R} mV, ONNX {a:R} mV");
            }
        }
    }
}
