using System.Text.RegularExpressions;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// Checkpoints: a run stopped, saved and restored into a fresh simulation of an identical network
/// continues bit-identically (neuron state, spikes in flight in the delay rings, weights, monitors,
/// input schedules); a damaged checkpoint is refused with an <see cref="InvalidDataException"/>
/// naming a byte offset; a checkpoint of another network is refused.
/// </summary>
[Collection(MultithreadedCollection.Name)]
public partial class CheckpointTests
{
    private const double Half = 200;

    /// <summary>A network that exercises every kind of state: recurrent LIF with multi-step random
    /// delays (spikes in flight at the checkpoint), Poisson input, a replayed spike train past the
    /// checkpoint, a noisy current, Izhikevich neurons (U), state, spike and rate monitors.</summary>
    private sealed record Probe(Network Network, Projection[] Projections, SpikeMonitor[] Spikes, StateMonitor[] States, RateMonitor Rate);

    private static Probe BuildProbe(ulong seed = 3, int size = 400, double tauM = 20)
    {
        var network = new Network(seed, 0.1);
        var model = new LifCurrent { TauM = tauM, TauSynE = 5, TauSynI = 10, EL = -45, VThreshold = -50, VReset = -60, RefractoryPeriod = 5 };
        var exc = network.AddPopulation("exc", size, model);
        var inh = network.AddPopulation("inh", size / 4, model);
        exc.WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        inh.WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        var poisson = network.AddPoissonInput("poisson", 50, 20);
        var replay = network.AddSpikeSource("replay", [[10.0, 150.0, 250.0, 350.0], [199.9, 200.0, 200.1, 399.9]]);
        var izh = network.AddPopulation("izh", 20, Izhikevich.Chattering);
        var projections = new[]
        {
            network.Connect(exc, exc, Connectivity.Probability(0.05), Synapse.Excitatory(16, Dist.Uniform(0.1, 3))),
            network.Connect(exc, inh, Connectivity.Probability(0.05), Synapse.Excitatory(16, Dist.Uniform(0.1, 3))),
            network.Connect(inh, exc, Connectivity.FixedInDegree(5), Synapse.Inhibitory(Dist.Normal(-20, 5, -40, -5), 0.8)),
            network.Connect(poisson, exc, Connectivity.FixedOutDegree(20), Synapse.Excitatory(Dist.Uniform(10, 30), 1.5)),
            network.Connect(replay, izh, Connectivity.AllToAll(), Synapse.Excitatory(8, 2.5)),
            network.Connect(exc, izh, Connectivity.FixedInDegree(5), Synapse.Excitatory(1, Dist.Uniform(1, 20))),
        };
        network.Inject(exc, new NoiseCurrent(0, 30));
        network.Inject(izh, new DcCurrent(6, 30, 330));
        var spikes = new[] { network.RecordSpikes(exc), network.RecordSpikes(inh), network.RecordSpikes(izh), network.RecordSpikes(poisson, [0, 7, 49]) };
        var states = new[]
        {
            network.RecordState(exc, StateVariable.V, [0, 1, 2, 100, 399], intervalMs: 0.5),
            network.RecordState(izh, StateVariable.U),
            network.RecordState(inh, StateVariable.SynI, intervalMs: 7),
        };
        return new Probe(network, projections, spikes, states, network.RecordRate(inh));
    }

    private sealed record Outcome(SpikeRecord[] Spikes, StateRecord[] States, RateRecord Rate, float[][] Weights);

    private static Outcome Observe(ISimulation simulation, Probe probe) => new(
        probe.Spikes.Select(m => simulation.GetSpikes(m)).ToArray(),
        probe.States.Select(m => simulation.GetState(m)).ToArray(),
        simulation.GetRate(probe.Rate),
        probe.Projections.Select(p => simulation.GetWeights(p)).ToArray());

    private static void AssertSameOutcome(Outcome expected, Outcome actual)
    {
        for (int m = 0; m < expected.Spikes.Length; m++)
        {
            SimulationHelpers.AssertSameSpikes(expected.Spikes[m], actual.Spikes[m]);
        }
        for (int m = 0; m < expected.States.Length; m++)
        {
            SimulationHelpers.AssertSameStates(expected.States[m], actual.States[m]);
        }
        Assert.Equal(expected.Rate.Counts, actual.Rate.Counts);
        for (int p = 0; p < expected.Weights.Length; p++)
        {
            SimulationHelpers.AssertBitIdentical(expected.Weights[p], actual.Weights[p]);
        }
    }

    /// <summary>Runs the probe for <see cref="Half"/>, perturbs some weights (so that restoring them
    /// matters), saves, and runs another <see cref="Half"/>.</summary>
    private static (byte[] Checkpoint, Outcome Continued) RunAndSave(int threads = 1)
    {
        var probe = BuildProbe();
        using var simulation = SimulationHelpers.Compile(probe.Network, threads);
        simulation.Run(Half);
        var weights = simulation.GetWeights(probe.Projections[0]);
        for (int s = 0; s < weights.Length; s += 3)
        {
            weights[s] *= 1.5f;
        }
        simulation.SetWeights(probe.Projections[0], weights);
        using var stream = new MemoryStream();
        simulation.SaveCheckpoint(stream);
        simulation.Run(Half);
        return (stream.ToArray(), Observe(simulation, probe));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RestoredSimulationContinuesIdentically(int restoreThreads)
    {
        var (checkpoint, continued) = RunAndSave();
        Assert.True(continued.Spikes[0].Count > 100, "the probe network is nearly silent");
        Assert.Contains(continued.Spikes[0].Steps, step => step > SimulationHelpers.Steps(Half, 0.1));

        var probe = BuildProbe();
        using var restored = SimulationHelpers.Compile(probe.Network, restoreThreads);
        restored.RestoreCheckpoint(new MemoryStream(checkpoint));
        Assert.Equal(SimulationHelpers.Steps(Half, 0.1), restored.StepCount);
        restored.Run(Half);
        AssertSameOutcome(continued, Observe(restored, probe));
    }

    [Fact]
    public void RestoringRewindsTheSameSimulation()
    {
        var probe = BuildProbe();
        using var simulation = SimulationHelpers.Compile(probe.Network);
        simulation.Run(Half);
        using var stream = new MemoryStream();
        simulation.SaveCheckpoint(stream);
        simulation.Run(Half);
        var first = Observe(simulation, probe);
        simulation.RestoreCheckpoint(new MemoryStream(stream.ToArray()));
        simulation.Run(Half);
        AssertSameOutcome(first, Observe(simulation, probe));
    }

    [GeneratedRegex(@"byte \d+")]
    private static partial Regex ByteOffset();

    private static void AssertRefused(byte[] checkpoint, Probe? probe = null)
    {
        probe ??= BuildProbe();
        using var simulation = SimulationHelpers.Compile(probe.Network);
        var error = Assert.Throws<InvalidDataException>(() => simulation.RestoreCheckpoint(new MemoryStream(checkpoint)));
        Assert.Matches(ByteOffset(), error.Message);
    }

    [Fact]
    public void CheckpointWithAFlippedByteIsRefused()
    {
        var (checkpoint, _) = RunAndSave();
        foreach (int position in new[] { 0, 9, 20, checkpoint.Length / 3, checkpoint.Length / 2, checkpoint.Length - 12, checkpoint.Length - 1 })
        {
            var damaged = (byte[])checkpoint.Clone();
            damaged[position] ^= 0x10;
            AssertRefused(damaged);
        }
    }

    [Fact]
    public void TruncatedCheckpointIsRefused()
    {
        var (checkpoint, _) = RunAndSave();
        foreach (int length in new[] { 0, 4, 8, 12, 20, checkpoint.Length / 2, checkpoint.Length - 8, checkpoint.Length - 1 })
        {
            AssertRefused(checkpoint[..length]);
        }
    }

    [Fact]
    public void CheckpointWithWrongMagicIsRefused()
    {
        var (checkpoint, _) = RunAndSave();
        var damaged = (byte[])checkpoint.Clone();
        "NOTSNN!!"u8.CopyTo(damaged);
        AssertRefused(damaged);
        AssertRefused("this is not a checkpoint at all, just some text"u8.ToArray());
    }

    [Fact]
    public void FailedRestoreLeavesTheSimulationUnchanged()
    {
        var (checkpoint, _) = RunAndSave();
        var damaged = checkpoint[..(checkpoint.Length / 2)];
        var probe = BuildProbe();
        using var simulation = SimulationHelpers.Compile(probe.Network);
        simulation.Run(Half);
        var before = Observe(simulation, probe);
        Assert.Throws<InvalidDataException>(() => simulation.RestoreCheckpoint(new MemoryStream(damaged)));
        Assert.Equal(SimulationHelpers.Steps(Half, 0.1), simulation.StepCount);
        AssertSameOutcome(before, Observe(simulation, probe));
    }

    [Fact]
    public void CheckpointOfANetworkWithDifferentStructureIsRefused()
    {
        var (checkpoint, _) = RunAndSave();
        AssertRefused(checkpoint, BuildProbe(size: 404));
        AssertRefused(checkpoint, BuildProbe(seed: 4));
    }

    /// <summary>Same populations, sizes and synapse counts, but another membrane time constant: the
    /// saved state belongs to a different network and continuing from it would silently mix the two.</summary>
    [Fact]
    public void CheckpointOfANetworkWithDifferentNeuronParametersIsRefused()
    {
        var (checkpoint, _) = RunAndSave();
        AssertRefused(checkpoint, BuildProbe(tauM: 10));
    }
}
