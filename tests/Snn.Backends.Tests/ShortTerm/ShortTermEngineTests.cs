using Snn.Backends.Checkpointing;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.ShortTerm;

/// <summary>
/// Short-term plasticity in whole networks on the CPU engine: the same spikes and weights on 1, 2
/// and 3 threads, a checkpoint taken mid-run that continues bit-identically in a fresh simulation,
/// and spikes that differ from the same network without it (so the feature is exercised).
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class ShortTermEngineTests
{
    private static (SpikeRecord Excitatory, SpikeRecord Inhibitory, float[][] Weights) Observe(ISimulation simulation, ShortTermNetworks.Probe probe)
        => (simulation.GetSpikes(probe.Excitatory), simulation.GetSpikes(probe.Inhibitory), probe.Projections.Select(simulation.GetWeights).ToArray());

    private static void AssertSame((SpikeRecord Excitatory, SpikeRecord Inhibitory, float[][] Weights) expected,
        (SpikeRecord Excitatory, SpikeRecord Inhibitory, float[][] Weights) actual)
    {
        SimulationHelpers.AssertSameSpikes(expected.Excitatory, actual.Excitatory);
        SimulationHelpers.AssertSameSpikes(expected.Inhibitory, actual.Inhibitory);
        for (int p = 0; p < expected.Weights.Length; p++)
        {
            SimulationHelpers.AssertBitIdentical(expected.Weights[p], actual.Weights[p]);
        }
    }

    [Fact]
    public void SpikesAndWeightsAreIdenticalOnOneTwoAndThreeThreads()
    {
        var reference = ShortTermNetworks.Recurrent(11);
        using var one = SimulationHelpers.Run(reference.Network, 300, threads: 1);
        var expected = Observe(one, reference);
        Assert.True(expected.Excitatory.Count > 300, $"the probe network is nearly silent ({expected.Excitatory.Count} spikes)");

        var without = ShortTermNetworks.Recurrent(11, shortTerm: false);
        using var plain = SimulationHelpers.Run(without.Network, 300, threads: 1);
        Assert.NotEqual(expected.Excitatory.Steps, plain.GetSpikes(without.Excitatory).Steps);

        foreach (int threads in new[] { 2, 3 })
        {
            var probe = ShortTermNetworks.Recurrent(11);
            using var simulation = SimulationHelpers.Run(probe.Network, 300, threads);
            AssertSame(expected, Observe(simulation, probe));
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    public void CheckpointMidRunContinuesIdentically(int saveThreads, int restoreThreads)
    {
        var probe = ShortTermNetworks.Recurrent(5);
        using var simulation = SimulationHelpers.Compile(probe.Network, saveThreads);
        simulation.Run(150);
        using var stream = new MemoryStream();
        simulation.SaveCheckpoint(stream);
        simulation.Run(150);
        var expected = Observe(simulation, probe);
        Assert.Contains(expected.Excitatory.Steps, step => step > 1500);

        var again = ShortTermNetworks.Recurrent(5);
        using var restored = SimulationHelpers.Compile(again.Network, restoreThreads);
        restored.RestoreCheckpoint(new MemoryStream(stream.ToArray()));
        restored.Run(150);
        AssertSame(expected, Observe(restored, again));
    }

    /// <summary>Restoring only the neurons and weights is not enough: a checkpoint whose short-term
    /// state is replaced by the initial one (u = U, x = 1, no last spike) continues differently,
    /// so the test above depends on the saved state.</summary>
    [Fact]
    public void CheckpointWithoutTheShortTermStateContinuesDifferently()
    {
        var probe = ShortTermNetworks.Recurrent(5);
        using var simulation = SimulationHelpers.Compile(probe.Network);
        simulation.Run(150);
        using var stream = new MemoryStream();
        simulation.SaveCheckpoint(stream);
        simulation.Run(150);
        var expected = Observe(simulation, probe);

        var fresh = ShortTermNetworks.Recurrent(5);
        using var initial = SimulationHelpers.Compile(fresh.Network);
        using var initialStream = new MemoryStream();
        initial.SaveCheckpoint(initialStream);
        byte[] saved = stream.ToArray();
        byte[] reset = initialStream.ToArray();
        int shortTermBytes = ShortTermBytes(fresh, reset);
        Assert.Equal(shortTermBytes, ShortTermBytes(fresh, saved));
        Assert.False(reset.AsSpan(reset.Length - 8 - shortTermBytes, shortTermBytes).SequenceEqual(saved.AsSpan(saved.Length - 8 - shortTermBytes, shortTermBytes)));
        Array.Copy(reset, reset.Length - 8 - shortTermBytes, saved, saved.Length - 8 - shortTermBytes, shortTermBytes);
        BitConverter.GetBytes(Fnv1a.Hash(saved.AsSpan(0, saved.Length - 8))).CopyTo(saved, saved.Length - 8);

        var again = ShortTermNetworks.Recurrent(5);
        using var restored = SimulationHelpers.Compile(again.Network);
        restored.RestoreCheckpoint(new MemoryStream(saved));
        restored.Run(150);
        Assert.NotEqual(expected.Excitatory.Steps, restored.GetSpikes(again.Excitatory).Steps);
    }

    /// <summary>Bytes of the short-term section at the end of <paramref name="checkpoint"/> (before
    /// the 8-byte checksum): u, x (doubles) and last steps (longs) per entry, then the factors
    /// (floats) per ring slot and entry, each array after its 8-byte length; the slot count is the
    /// one whose factor array length is found where it must start.</summary>
    private static int ShortTermBytes(ShortTermNetworks.Probe probe, byte[] checkpoint)
    {
        int entries = 1 + probe.Projections.Where(p => p.ShortTerm is not null).Sum(p => p.Source.Size);
        for (int slots = 2; slots < 200; slots++)
        {
            int factorBytes = 8 + 4 * slots * entries;
            if (BitConverter.ToInt64(checkpoint, checkpoint.Length - 8 - factorBytes) == (long)slots * entries)
            {
                return 3 * (8 + 8 * entries) + factorBytes;
            }
        }
        throw new InvalidOperationException("no short-term section found");
    }
}
