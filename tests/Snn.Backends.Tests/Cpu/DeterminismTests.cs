using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// Reproducibility: the same seed gives the same spikes whatever the thread count (threads own
/// disjoint target ranges and sum a target's inputs in a fixed order), the vectorised block update
/// gives bit-identical numbers to the scalar one, and a run split into pieces equals one long run.
/// The probe is a 2000-neuron CUBA network (self-sustained, irregular) with random weights and
/// delays, in which a single differing bit, or inputs summed in another order, soon change the
/// spike trains.
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class DeterminismTests
{
    private const int Size = 2000;
    private const double Duration = 300;

    private static (SpikeRecord Excitatory, SpikeRecord Inhibitory, StateRecord[] States) RunCuba(
        ulong seed, int threads, bool blockUpdate, double[]? pieces = null)
    {
        var cuba = SimulationHelpers.Cuba(Size, seed, heterogeneous: true);
        var monitors = new[] { StateVariable.V, StateVariable.SynE, StateVariable.SynI }
            .Select(v => cuba.Network.RecordState(cuba.Excitatory, v, intervalMs: 10))
            .ToArray();
        using var simulation = SimulationHelpers.Compile(cuba.Network, threads, blockUpdate);
        foreach (double piece in pieces ?? [Duration])
        {
            simulation.Run(piece);
        }
        return (simulation.GetSpikes(cuba.ExcitatorySpikes), simulation.GetSpikes(cuba.InhibitorySpikes),
            monitors.Select(m => simulation.GetState(m)).ToArray());
    }

    private static void AssertIdentical(
        (SpikeRecord Excitatory, SpikeRecord Inhibitory, StateRecord[] States) expected,
        (SpikeRecord Excitatory, SpikeRecord Inhibitory, StateRecord[] States) actual)
    {
        SimulationHelpers.AssertSameSpikes(expected.Excitatory, actual.Excitatory);
        SimulationHelpers.AssertSameSpikes(expected.Inhibitory, actual.Inhibitory);
        for (int m = 0; m < expected.States.Length; m++)
        {
            SimulationHelpers.AssertSameStates(expected.States[m], actual.States[m]);
        }
    }

    [Fact]
    public void SameSeedGivesIdenticalSpikesOnOneTwoAndThreeThreads()
    {
        var one = RunCuba(42, threads: 1, blockUpdate: true);
        Assert.True(one.Excitatory.MeanRate() > 1, $"the probe network is nearly silent ({one.Excitatory.MeanRate()} Hz)");
        AssertIdentical(one, RunCuba(42, threads: 2, blockUpdate: true));
        AssertIdentical(one, RunCuba(42, threads: 3, blockUpdate: true));
    }

    [Fact]
    public void BlockUpdateIsBitIdenticalToScalarUpdate()
    {
        var scalar = RunCuba(42, threads: 1, blockUpdate: false);
        AssertIdentical(scalar, RunCuba(42, threads: 1, blockUpdate: true));
        AssertIdentical(scalar, RunCuba(42, threads: 2, blockUpdate: true));
    }

    [Fact]
    public void RunSplitIntoPiecesEqualsOneRun()
    {
        var whole = RunCuba(5, threads: 2, blockUpdate: true);
        AssertIdentical(whole, RunCuba(5, threads: 2, blockUpdate: true, pieces: [0.1, 49.9, 123.4, 126.6]));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentSpikes()
    {
        var a = RunCuba(1, threads: 1, blockUpdate: true);
        var b = RunCuba(2, threads: 1, blockUpdate: true);
        Assert.False(a.Excitatory.Steps.SequenceEqual(b.Excitatory.Steps) && a.Excitatory.Neurons.SequenceEqual(b.Excitatory.Neurons));
    }
}
