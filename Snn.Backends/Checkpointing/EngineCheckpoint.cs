using System.Runtime.CompilerServices;
using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Plasticity;

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
        var v = ReadFinite(reader, n, "V");
        var u = ReadFinite(reader, n, "U");
        var synE = ReadFinite(reader, n, "SynE");
        var synI = ReadFinite(reader, n, "SynI");
        at = reader.Offset;
        var refractory = reader.ReadArray<int>(n, "Refractory");
        for (int i = 0; i < refractory.Length; i++)
        {
            if (refractory[i] < 0)
            {
                throw new InvalidDataException($"Checkpoint corrupt at byte {at + 8 + 4L * i}: Refractory[{i}] = {refractory[i]} is negative.");
            }
        }
        var ring = ReadFinite(reader, ringLength, "delay ring");
        var weights = network.Projections.Select(p => ReadWeights(reader, p, synapseCount(p))).ToArray();
        at = reader.Offset;
        var times = reader.ReadArray<long>(-1, "spike times");
        int neuronsAt = reader.Offset;
        var neurons = reader.ReadArray<int>(times.Length, "spike neurons");
        for (int s = 0; s < times.Length; s++)
        {
            if (times[s] < 1 || times[s] > step)
            {
                throw new InvalidDataException($"Checkpoint corrupt at byte {at + 8 + 8L * s}: spike time {times[s]} (steps) outside [1, {step}].");
            }
            if ((uint)neurons[s] >= (uint)n)
            {
                throw new InvalidDataException($"Checkpoint corrupt at byte {neuronsAt + 8 + 4L * s}: spike neuron {neurons[s]} outside [0, {n - 1}].");
            }
        }
        SortByTime(times, neurons);
        return new EngineCheckpoint(step, v, u, synE, synI, refractory, ring, weights, times, neurons);
    }

    /// <summary>Reads an array of <paramref name="length"/> floats that must all be finite.</summary>
    public static float[] ReadFinite(CheckpointReader reader, long length, string what)
    {
        int at = reader.Offset;
        var values = reader.ReadArray<float>(length, what);
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new InvalidDataException($"Checkpoint corrupt at byte {at + 8 + 4L * i}: {what}[{i}] = {values[i]} is not finite.");
            }
        }
        return values;
    }

    /// <summary>Reads a projection's weights: finite, and non-negative on conductance-based targets.</summary>
    private static float[] ReadWeights(CheckpointReader reader, Projection projection, int count)
    {
        int at = reader.Offset;
        string what = $"weights of {projection.Name}";
        var weights = ReadFinite(reader, count, what);
        if (projection.Target.SynapseKind == SynapseKind.Conductance)
        {
            for (int s = 0; s < weights.Length; s++)
            {
                if (weights[s] < 0)
                {
                    throw new InvalidDataException($"Checkpoint corrupt at byte {at + 8 + 4L * s}: {what}[{s}] = {weights[s]} nS is negative on a conductance-based target.");
                }
            }
        }
        return weights;
    }

    /// <summary>Sorts the recorded spikes into time order, ties by neuron, as every engine's spike log
    /// keeps them (checkpoints written before the CPU engine merged its logs hold them population by
    /// population).</summary>
    private static void SortByTime(long[] times, int[] neurons)
    {
        var keys = new (long Time, int Neuron)[times.Length];
        for (int s = 0; s < keys.Length; s++)
        {
            keys[s] = (times[s], neurons[s]);
        }
        Array.Sort(keys);
        for (int s = 0; s < keys.Length; s++)
        {
            (times[s], neurons[s]) = keys[s];
        }
    }

    /// <summary>Reads the synapse states of plastic projection <paramref name="name"/>: weights and traces must be finite.</summary>
    public static SynapseState[] ReadSynapseStates(CheckpointReader reader, int count, string name)
    {
        int at = reader.Offset;
        var synapses = reader.ReadArray<SynapseState>(count, $"synapse states of {name}");
        for (int s = 0; s < synapses.Length; s++)
        {
            var state = synapses[s];
            if (!float.IsFinite(state.Weight) || !float.IsFinite(state.Pre1) || !float.IsFinite(state.Pre2) || !float.IsFinite(state.Eligibility))
            {
                throw new InvalidDataException($"Checkpoint corrupt at byte {at + 8 + (long)s * Unsafe.SizeOf<SynapseState>()}: synapse {s} of {name} "
                    + $"has a non-finite weight or trace (weight {state.Weight}).");
            }
        }
        return synapses;
    }
}
