using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Backends.Crossbar;

/// <summary>Turns images and event streams (passed as plain arrays, so this assembly needs no
/// dataset reader) into <see cref="LsmSample"/>s.</summary>
public static class LsmInputs
{
    /// <summary>
    /// An event-camera recording (N-MNIST format) as the paper's input: a centred
    /// <paramref name="crop"/> × <paramref name="crop"/> window of the sensor, events binned into
    /// <paramref name="steps"/> equal bins between the first and last event; channel = y·crop + x;
    /// several events of one channel in one bin are one spike.
    /// </summary>
    /// <param name="x">Event columns (pixels).</param>
    /// <param name="y">Event rows (pixels).</param>
    /// <param name="timesUs">Event times (µs), ascending.</param>
    /// <param name="polarities">Event polarities (true = ON), or null.</param>
    /// <param name="sensorWidth">Sensor width (pixels), ≥ crop.</param>
    /// <param name="sensorHeight">Sensor height (pixels), ≥ crop.</param>
    /// <param name="crop">Side of the centred crop (pixels), ≥ 1. The paper uses 16.</param>
    /// <param name="steps">Time bins, ≥ 1. The paper uses 50.</param>
    /// <param name="label">Class label, ≥ 0.</param>
    /// <param name="polarity">Keep only this polarity (true = ON), or null for both.</param>
    public static LsmSample FromEvents(ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<long> timesUs, ReadOnlySpan<bool> polarities,
        int sensorWidth, int sensorHeight, int crop, int steps, int label, bool? polarity = null)
    {
        if (y.Length != x.Length || timesUs.Length != x.Length || (polarity is not null && polarities.Length != x.Length))
        {
            throw new ArgumentException($"x, y, timesUs (and polarities when filtering) must have the same length; got {x.Length}, {y.Length}, {timesUs.Length}, {polarities.Length}.", nameof(y));
        }
        Guard.PositiveCount(crop, nameof(crop));
        Guard.InRange(sensorWidth, crop, int.MaxValue, nameof(sensorWidth));
        Guard.InRange(sensorHeight, crop, int.MaxValue, nameof(sensorHeight));
        Guard.PositiveCount(steps, nameof(steps));
        Guard.InRange(label, 0, int.MaxValue, nameof(label));
        int x0 = (sensorWidth - crop) / 2;
        int y0 = (sensorHeight - crop) / 2;
        long first = timesUs.Length == 0 ? 0 : timesUs[0];
        long span = timesUs.Length == 0 ? 1 : Math.Max(1, timesUs[^1] - first + 1);
        var seen = new HashSet<long>();
        var bins = new List<int>();
        var channels = new List<int>();
        for (int e = 0; e < x.Length; e++)
        {
            if (polarity is bool wanted && polarities[e] != wanted)
            {
                continue;
            }
            int cx = x[e] - x0;
            int cy = y[e] - y0;
            if (cx < 0 || cx >= crop || cy < 0 || cy >= crop)
            {
                continue;
            }
            int bin = (int)Math.Clamp((timesUs[e] - first) * steps / span, 0, steps - 1);
            int channel = cy * crop + cx;
            if (seen.Add((long)bin * crop * crop + channel))
            {
                bins.Add(bin);
                channels.Add(channel);
            }
        }
        return new LsmSample([.. bins], [.. channels], label);
    }

    /// <summary>
    /// A grey-scale image as Bernoulli rate-coded spikes: the image is area-averaged to
    /// <paramref name="side"/> × <paramref name="side"/>, and in each of <paramref name="steps"/> bins channel i
    /// spikes with probability maxProbability·intensity_i (intensity in [0, 1]), drawn from Snn's
    /// counter-based generator keyed by (<paramref name="seed"/>, <paramref name="sampleIndex"/>).
    /// </summary>
    /// <param name="pixels">Row-major pixels, 0–255.</param>
    /// <param name="rows">Image rows, ≥ 1.</param>
    /// <param name="columns">Image columns, ≥ 1.</param>
    /// <param name="side">Side of the resized image (pixels), ≥ 1.</param>
    /// <param name="steps">Time bins, ≥ 1.</param>
    /// <param name="maxProbability">Spike probability per bin of a white pixel, in (0, 1].</param>
    /// <param name="seed">Seed of the encoding.</param>
    /// <param name="sampleIndex">Index of the sample (its own random substream), ≥ 0.</param>
    /// <param name="label">Class label, ≥ 0.</param>
    public static LsmSample FromImage(ReadOnlySpan<byte> pixels, int rows, int columns, int side, int steps, double maxProbability, ulong seed, int sampleIndex, int label)
    {
        Guard.PositiveCount(rows, nameof(rows));
        Guard.PositiveCount(columns, nameof(columns));
        if (pixels.Length != rows * columns)
        {
            throw new ArgumentException($"pixels has {pixels.Length} values; {rows} × {columns} = {rows * columns} expected.", nameof(pixels));
        }
        Guard.PositiveCount(side, nameof(side));
        Guard.PositiveCount(steps, nameof(steps));
        Guard.InRange(maxProbability, double.Epsilon, 1, nameof(maxProbability));
        Guard.InRange(sampleIndex, 0, int.MaxValue, nameof(sampleIndex));
        Guard.InRange(label, 0, int.MaxValue, nameof(label));
        var intensity = new double[side * side];
        for (int r = 0; r < side; r++)
        {
            int r0 = r * rows / side, r1 = Math.Max(r0 + 1, (r + 1) * rows / side);
            for (int c = 0; c < side; c++)
            {
                int c0 = c * columns / side, c1 = Math.Max(c0 + 1, (c + 1) * columns / side);
                double sum = 0;
                for (int i = r0; i < r1; i++)
                {
                    for (int j = c0; j < c1; j++)
                    {
                        sum += pixels[i * columns + j];
                    }
                }
                intensity[r * side + c] = sum / ((r1 - r0) * (c1 - c0) * 255.0);
            }
        }
        var rng = new CounterRng(seed, RngStreams.User(0x0C40_0000), (uint)sampleIndex);
        var bins = new List<int>();
        var channels = new List<int>();
        for (int step = 0; step < steps; step++)
        {
            for (int i = 0; i < intensity.Length; i++)
            {
                if (rng.NextDouble() < maxProbability * intensity[i])
                {
                    bins.Add(step);
                    channels.Add(i);
                }
            }
        }
        return new LsmSample([.. bins], [.. channels], label);
    }
}
