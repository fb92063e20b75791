using Snn.Core.Validation;

namespace Snn.Datasets.Encoders;

/// <summary>
/// Population coding with Gaussian receptive fields (Bohte, Kok &amp; La Poutré 2002): each
/// value in [<see cref="Min"/>, <see cref="Max"/>] is seen by m = <see cref="NeuronsPerValue"/>
/// neurons with centres μ_i = Min + (2i − 3)/2 · (Max − Min)/(m − 2), i = 1..m, and width
/// σ = (Max − Min) / (β (m − 2)). Neuron i's activation a_i = exp(−(x − μ_i)² / (2σ²)) ∈ (0, 1]
/// is latency-coded: it fires once at (1 − a_i) · <see cref="DurationMs"/>, unless
/// a_i &lt; <see cref="MinActivation"/>. Value j's neurons are channels j·m … j·m + m − 1.
/// </summary>
public sealed class PopulationEncoder : ISpikeEncoder
{
    /// <summary>Creates the encoder.</summary>
    /// <param name="neuronsPerValue">Receptive fields per value, m ≥ 3.</param>
    /// <param name="min">The lower end of the value range (finite).</param>
    /// <param name="max">The upper end of the value range (finite, &gt; min).</param>
    /// <param name="durationMs">The coding window (ms, &gt; 0).</param>
    /// <param name="beta">The width factor β (&gt; 0; Bohte et al. use 1.5).</param>
    /// <param name="minActivation">Activations below this do not fire, in [0, 1).</param>
    public PopulationEncoder(int neuronsPerValue, double min, double max, double durationMs, double beta = 1.5, double minActivation = 0.1)
    {
        NeuronsPerValue = Guard.InRange(neuronsPerValue, 3, 1 << 16, nameof(neuronsPerValue));
        Min = Guard.Finite(min, nameof(min));
        Max = Guard.Finite(max, nameof(max));
        if (max <= min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"max = {max} must be > min = {min}.");
        }
        DurationMs = Guard.Positive(durationMs, nameof(durationMs));
        Beta = Guard.Positive(beta, nameof(beta));
        MinActivation = Guard.InRange(minActivation, 0, Math.BitDecrement(1.0), nameof(minActivation));
    }

    /// <summary>Receptive fields per value.</summary>
    public int NeuronsPerValue { get; }

    /// <summary>The lower end of the value range.</summary>
    public double Min { get; }

    /// <summary>The upper end of the value range.</summary>
    public double Max { get; }

    /// <summary>The coding window (ms).</summary>
    public double DurationMs { get; }

    /// <summary>The width factor β.</summary>
    public double Beta { get; }

    /// <summary>Activations below this do not fire.</summary>
    public double MinActivation { get; }

    /// <summary>The receptive-field width σ (value units).</summary>
    public double Sigma => (Max - Min) / (Beta * (NeuronsPerValue - 2));

    /// <summary>The centre μ_i of receptive field <paramref name="neuron"/> (0-based, so i = neuron + 1).</summary>
    /// <param name="neuron">The field, in [0, NeuronsPerValue).</param>
    public double Centre(int neuron)
    {
        Guard.InRange(neuron, 0, NeuronsPerValue - 1, nameof(neuron));
        return Min + (2.0 * (neuron + 1) - 3.0) / 2.0 * (Max - Min) / (NeuronsPerValue - 2);
    }

    /// <summary>Writes the m activations of one value into <paramref name="activations"/>.</summary>
    /// <param name="value">A value in [Min, Max].</param>
    /// <param name="activations">A span of length NeuronsPerValue.</param>
    public void Activations(double value, Span<double> activations)
    {
        Guard.InRange(value, Min, Max, nameof(value));
        if (activations.Length != NeuronsPerValue)
        {
            throw new ArgumentException($"activations.Length = {activations.Length} must equal NeuronsPerValue = {NeuronsPerValue}.", nameof(activations));
        }
        double sigma = Sigma;
        double step = (Max - Min) / (NeuronsPerValue - 2);
        for (int i = 0; i < activations.Length; i++)
        {
            double mu = Min + (2.0 * (i + 1) - 3.0) / 2.0 * step;
            double d = (value - mu) / sigma;
            activations[i] = Math.Exp(-0.5 * d * d);
        }
    }

    /// <inheritdoc />
    public int OutputChannels(int inputs) => inputs * NeuronsPerValue;

    /// <summary>Encodes values in [Min, Max] into NeuronsPerValue channels each.</summary>
    /// <param name="values">The values, each in [Min, Max].</param>
    /// <param name="sample">Unused (the code is deterministic); kept for <see cref="ISpikeEncoder"/>.</param>
    public SpikeTrains Encode(ReadOnlySpan<float> values, int sample = 0)
    {
        EncoderChecks.Sample(sample);
        for (int j = 0; j < values.Length; j++)
        {
            if (!float.IsFinite(values[j]) || values[j] < Min || values[j] > Max)
            {
                throw new ArgumentOutOfRangeException(nameof(values), values[j], $"values[{j}] = {values[j]} must be in [{Min}, {Max}].");
            }
        }
        int m = NeuronsPerValue;
        var trains = new double[values.Length * m][];
        Span<double> activations = m <= 256 ? stackalloc double[m] : new double[m];
        for (int j = 0; j < values.Length; j++)
        {
            Activations(values[j], activations);
            for (int i = 0; i < m; i++)
            {
                double a = activations[i];
                trains[j * m + i] = a >= MinActivation ? [(1.0 - a) * DurationMs] : [];
            }
        }
        return SpikeTrains.FromSorted(trains, DurationMs);
    }
}
