using Snn.Core.Validation;
using Snn.Datasets.Encoders;

namespace Snn.Datasets.Synthetic;

/// <summary>
/// Small synthetic images for tests and demos, and their spiking versions. The bars task has
/// four classes on a size × size grid: 0 a horizontal bar, 1 a vertical bar, 2 the main
/// diagonal, 3 the anti-diagonal; bars are at a random row or column (diagonals fixed), at full
/// intensity 255, over uniform background noise up to <c>noise</c> · 255.
/// </summary>
public static class SyntheticImages
{
    /// <summary>The number of classes of <see cref="Bars"/>.</summary>
    public const int BarClasses = 4;

    /// <summary>Bar images; image i has label i mod 4.</summary>
    /// <param name="size">The image side (pixels), in [2, 256].</param>
    /// <param name="count">How many images, at least 1.</param>
    /// <param name="noise">The background noise amplitude as a fraction of full intensity, in [0, 1).</param>
    /// <param name="random">The generator key and stream.</param>
    public static ImageSample[] Bars(int size, int count, double noise, RandomSource random)
    {
        Guard.InRange(size, 2, 256, nameof(size));
        Guard.PositiveCount(count, nameof(count));
        Guard.InRange(noise, 0, Math.BitDecrement(1.0), nameof(noise));
        var images = new ImageSample[count];
        for (int i = 0; i < count; i++)
        {
            var rng = random.For(0, i);
            int label = i % BarClasses;
            var pixels = new byte[size * size];
            for (int p = 0; p < pixels.Length; p++)
            {
                pixels[p] = (byte)(rng.NextDouble() * noise * 255.0);
            }
            int position = rng.NextInt(size);
            for (int k = 0; k < size; k++)
            {
                int index = label switch
                {
                    0 => position * size + k,
                    1 => k * size + position,
                    2 => k * size + k,
                    _ => k * size + (size - 1 - k),
                };
                pixels[index] = 255;
            }
            images[i] = new ImageSample(pixels, size, size, label);
        }
        return images;
    }

    /// <summary>Encodes images (intensities scaled to [0, 1]) with a spike encoder; image i is sample i of the encoder.</summary>
    /// <param name="images">The images.</param>
    /// <param name="encoder">A Poisson, Bernoulli, latency or population encoder.</param>
    public static SpikeTrainSample[] Encode(IReadOnlyList<ImageSample> images, ISpikeEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(encoder);
        var samples = new SpikeTrainSample[images.Count];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = new SpikeTrainSample(encoder.Encode(images[i].ToIntensities(), i), images[i].Label);
        }
        return samples;
    }
}
