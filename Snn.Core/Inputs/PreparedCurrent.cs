using Snn.Core.Randomness;

namespace Snn.Core.Inputs;

/// <summary>
/// A current source resolved to steps: a piecewise-constant mean amplitude (pA) that changes at
/// given steps, plus optional Gaussian noise drawn per neuron and step.
/// </summary>
public sealed class PreparedCurrent
{
    private readonly long[] _changeSteps;
    private readonly float[] _amplitudes;

    /// <summary>Creates the schedule: from <c>changeSteps[k]</c> on the mean is <c>amplitudes[k]</c> (0 before the first).</summary>
    /// <param name="changeSteps">Ascending steps at which the mean changes.</param>
    /// <param name="amplitudes">Mean amplitude (pA) from each change on.</param>
    /// <param name="noiseSd">Standard deviation of the per-step Gaussian noise (pA); 0 for none.</param>
    /// <param name="noiseStart">First step with noise.</param>
    /// <param name="noiseStop">First step without noise again.</param>
    public PreparedCurrent(long[] changeSteps, float[] amplitudes, float noiseSd = 0, long noiseStart = 0, long noiseStop = long.MaxValue)
    {
        _changeSteps = changeSteps;
        _amplitudes = amplitudes;
        NoiseSd = noiseSd;
        NoiseStart = noiseStart;
        NoiseStop = noiseStop;
    }

    /// <summary>Standard deviation of the per-step noise (pA).</summary>
    public float NoiseSd { get; }

    /// <summary>First step with noise.</summary>
    public long NoiseStart { get; }

    /// <summary>First step after the noise.</summary>
    public long NoiseStop { get; }

    /// <summary>Whether the amplitude differs between neurons (noise).</summary>
    public bool IsPerNeuron => NoiseSd > 0;

    /// <summary>The mean amplitude (pA) during <paramref name="step"/>.</summary>
    public float MeanAt(long step)
    {
        int index = Array.BinarySearch(_changeSteps, step);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return index < 0 ? 0f : _amplitudes[index];
    }

    /// <summary>The noise (pA) of neuron <paramref name="neuron"/> during <paramref name="step"/>.</summary>
    public float NoiseAt(long step, int neuron, ulong seed, uint stream)
        => HasNoiseAt(step) ? Noise(Philox.Block(seed, (uint)step, (uint)((ulong)step >> 32), stream, (uint)neuron)) : 0f;

    /// <summary>The noise (pA) of each neuron of <paramref name="neurons"/> (indices within the target
    /// population) during <paramref name="step"/>, into <paramref name="destination"/>: the values of
    /// <see cref="NoiseAt"/>, with the generator's blocks computed several at a time.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="neurons"/>.</exception>
    public void NoisesAt(long step, ReadOnlySpan<uint> neurons, ulong seed, uint stream, Span<float> destination)
    {
        if (destination.Length < neurons.Length)
        {
            throw new ArgumentException($"destination.Length = {destination.Length} must be at least neurons.Length = {neurons.Length}.", nameof(destination));
        }
        if (!HasNoiseAt(step))
        {
            destination[..neurons.Length].Clear();
            return;
        }
        const int Chunk = 64;
        Span<Block4> blocks = stackalloc Block4[Chunk];
        Span<ulong> steps = stackalloc ulong[Chunk];
        steps.Fill((ulong)step);
        for (int start = 0; start < neurons.Length; start += Chunk)
        {
            var chunk = neurons.Slice(start, Math.Min(Chunk, neurons.Length - start));
            Philox.Blocks(seed, stream, steps[..chunk.Length], chunk, blocks);
            for (int i = 0; i < chunk.Length; i++)
            {
                destination[start + i] = Noise(blocks[i]);
            }
        }
    }

    private bool HasNoiseAt(long step) => NoiseSd != 0 && step >= NoiseStart && step < NoiseStop;

    /// <summary>The Box-Muller transform of a block's two uniform doubles, scaled to <see cref="NoiseSd"/>.</summary>
    private float Noise(Block4 block)
    {
        double u1 = 1.0 - Philox.ToUnitDouble(block.X0, block.X1);
        double u2 = Philox.ToUnitDouble(block.X2, block.X3);
        return (float)(NoiseSd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
