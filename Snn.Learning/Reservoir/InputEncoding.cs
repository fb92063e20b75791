using Snn.Core.Models;
using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Learning.Reservoir;

/// <summary>
/// The input layer of NALSM (Ivanov &amp; Michmizos 2021): pixel k of an image becomes
/// p_k = (x_k/Σx)/M, M being the largest x_k/Σx over the data set, and input neuron k, a
/// <see cref="NalsmNeuron"/> without synaptic input, receives I_ext = <see cref="DriveAmplitude"/>·Bernoulli(p_k)
/// every 1 ms. The input neurons take no synaptic input, so their spike trains are computed here,
/// exactly (with their refractory period and leak), and replayed by a spike source.
/// </summary>
public static class InputEncoding
{
    /// <summary>The injected current of one Bernoulli event (mV per step): 100.</summary>
    public const float DriveAmplitude = 100f;

    /// <summary>The largest x_k/Σx over all pixels of all images (M), &gt; 0.</summary>
    /// <param name="images">Non-negative intensities, one array per image.</param>
    public static float NormalizationScale(IReadOnlyList<float[]> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        float scale = 0;
        for (int i = 0; i < images.Count; i++)
        {
            var image = images[i] ?? throw new ArgumentNullException(nameof(images), $"images[{i}] is null.");
            float sum = Sum(image, i);
            for (int k = 0; k < image.Length; k++)
            {
                scale = Math.Max(scale, image[k] / sum);
            }
        }
        if (scale <= 0)
        {
            throw new ArgumentException($"images ({images.Count}) must contain at least one non-blank image.", nameof(images));
        }
        return scale;
    }

    /// <summary>The per-ms Bernoulli probabilities p_k = min(1, (x_k/Σx)/<paramref name="scale"/>)
    /// (the minimum only bites for images outside the set the scale came from).</summary>
    /// <param name="image">Non-negative intensities, not all zero.</param>
    /// <param name="scale">M from <see cref="NormalizationScale"/>, &gt; 0.</param>
    public static float[] Probabilities(float[] image, float scale)
    {
        ArgumentNullException.ThrowIfNull(image);
        Guard.Positive(scale, nameof(scale));
        float sum = Sum(image, 0);
        var p = new float[image.Length];
        for (int k = 0; k < p.Length; k++)
        {
            p[k] = Math.Min(1f, image[k] / sum / scale);
        }
        return p;
    }

    /// <summary>
    /// Simulates the input neurons for one sample of <paramref name="steps"/> 1 ms steps and appends
    /// the spikes: for neuron k, the local steps (0-based) at which it fires.
    /// </summary>
    /// <param name="probabilities">p_k per input neuron, each in [0, 1].</param>
    /// <param name="steps">Steps of the sample, ≥ 1.</param>
    /// <param name="neuron">The input neuron model (threshold, leak, refractory period).</param>
    /// <param name="seed">Seed of the Bernoulli draws.</param>
    /// <param name="sampleKey">A number unique to this presentation (the draws depend on it alone).</param>
    /// <param name="spikeSteps">Receives, per input neuron, the local spike steps; same length as <paramref name="probabilities"/>.</param>
    /// <param name="spikesPerStep">Receives the number of input spikes in each step; length ≥ <paramref name="steps"/>.</param>
    public static void Simulate(ReadOnlySpan<float> probabilities, int steps, NalsmNeuron neuron, ulong seed, ulong sampleKey, List<int>[] spikeSteps, Span<int> spikesPerStep)
    {
        ArgumentNullException.ThrowIfNull(spikeSteps);
        Guard.PositiveCount(steps, nameof(steps));
        if (spikeSteps.Length != probabilities.Length)
        {
            throw new ArgumentException($"spikeSteps has {spikeSteps.Length} lists for {probabilities.Length} input neurons.", nameof(spikeSteps));
        }
        if (spikesPerStep.Length < steps)
        {
            throw new ArgumentException($"spikesPerStep has length {spikesPerStep.Length}; it needs {steps}.", nameof(spikesPerStep));
        }
        var model = (neuron with { WindowSteps = 0 }).Prepare(1);
        spikesPerStep[..steps].Clear();
        uint stream = RngStreams.User(0x4C3);
        for (int k = 0; k < probabilities.Length; k++)
        {
            float p = probabilities[k];
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(probabilities), p, $"probabilities[{k}] = {p} must be in [0, 1].");
            }
            if (p == 0)
            {
                continue;
            }
            var state = model.InitialState();
            var list = spikeSteps[k];
            for (int t = 0; t < steps; t++)
            {
                float u = Philox.UniformFloat(seed, sampleKey * (ulong)steps + (ulong)t, stream, (uint)k);
                float drive = u < p ? DriveAmplitude : 0f;
                if (model.Step(ref state, 0, 0, drive, default))
                {
                    list.Add(t);
                    spikesPerStep[t]++;
                }
            }
        }
    }

    private static float Sum(float[] image, int index)
    {
        float sum = 0;
        for (int k = 0; k < image.Length; k++)
        {
            if (!(image[k] >= 0) || !float.IsFinite(image[k]))
            {
                throw new ArgumentOutOfRangeException(nameof(image), image[k], $"image {index}, pixel {k} = {image[k]} must be finite and >= 0.");
            }
            sum += image[k];
        }
        if (sum <= 0)
        {
            throw new ArgumentException($"image {index} is blank (all pixels 0); its normalised input x/Σx is undefined.", nameof(image));
        }
        return sum;
    }
}
