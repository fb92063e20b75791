using Snn.Core;

namespace Snn.Backends.Checkpointing;

/// <summary>
/// The part of a checkpoint the CPU and GPU engines share, in file order: network fingerprint, step,
/// the neuron state arrays (V, U, SynE, SynI, refractory steps), the delay ring, every projection's
/// weights (generation order) and the recorded spikes (time order, ties by neuron). Monitor rows,
/// plastic state and modulators follow, written by each engine. Keeping one layout lets a checkpoint
/// of one engine continue on the other.
/// </summary>
internal sealed record EngineCheckpoint(long Step, float[] V, float[] U, float[] SynE, float[] SynI, int[] Refractory, float[] Ring, float[][] Weights,
    long[] SpikeTimes, int[] SpikeNeurons)
{
    /// <summary>Writes the shared part.</summary>
    public static void Write(CheckpointWriter writer, ulong fingerprint, long step, ReadOnlySpan<float> v, ReadOnlySpan<float> u, ReadOnlySpan<float> synE,
        ReadOnlySpan<float> synI, ReadOnlySpan<int> refractory, ReadOnlySpan<float> ring, IEnumerable<float[]> weights, ReadOnlySpan<long> spikeTimes,
        ReadOnlySpan<int> spikeNeurons)
    {
        writer.Write(fingerprint);
        writer.Write(step);
        writer.Write(v);
        writer.Write(u);
        writer.Write(synE);
        writer.Write(synI);
        writer.Write(refractory);
        writer.Write(ring);
        foreach (var projection in weights)
        {
            writer.Write<float>(projection);
        }
        writer.Write(spikeTimes);
        writer.Write(spikeNeurons);
    }

    /// <summary>Reads the shared part, checking the fingerprint, the step and every length; errors name the byte offset.</summary>
    /// <param name="reader">The checkpoint, at its start.</param>
    /// <param name="fingerprint">This network's fingerprint.</param>
    /// <param name="network">The network (neuron count, projections).</param>
    /// <param name="ringLength">Values in this engine's delay ring.</param>
    /// <param name="synapseCount">The synapse count of a projection.</param>
    public static EngineCheckpoint Read(CheckpointReader reader, ulong fingerprint, Network network, long ringLength, Func<Projection, int> synapseCount)
    {
        int at = reader.Offset;
        reader.Expect(reader.ReadUInt64(), fingerprint, "the network fingerprint", at);
        at = reader.Offset;
        long step = reader.ReadInt64();
        if (step < 0)
        {
            throw new InvalidDataException($"Checkpoint corrupt at byte {at}: step {step} is negative.");
        }
        int n = network.NeuronCount;
        var v = reader.ReadArray<float>(n, "V");
        var u = reader.ReadArray<float>(n, "U");
        var synE = reader.ReadArray<float>(n, "SynE");
        var synI = reader.ReadArray<float>(n, "SynI");
        var refractory = reader.ReadArray<int>(n, "Refractory");
        var ring = reader.ReadArray<float>(ringLength, "delay ring");
        var weights = network.Projections.Select(p => reader.ReadArray<float>(synapseCount(p), $"weights of {p.Name}")).ToArray();
        var times = reader.ReadArray<long>(-1, "spike times");
        var neurons = reader.ReadArray<int>(times.Length, "spike neurons");
        return new EngineCheckpoint(step, v, u, synE, synI, refractory, ring, weights, times, neurons);
    }
}
