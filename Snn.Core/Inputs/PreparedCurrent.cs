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
    {
        if (NoiseSd == 0 || step < NoiseStart || step >= NoiseStop)
        {
            return 0f;
        }
        var block = Philox.Block(seed, (uint)step, (uint)((ulong)step >> 32), stream, (uint)neuron);
        double u1 = 1.0 - Philox.ToUnitDouble(block.X0, block.X1);
        double u2 = Philox.ToUnitDouble(block.X2, block.X3);
        return (float)(NoiseSd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
