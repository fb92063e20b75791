using Snn.Backends.Crossbar;
using Snn.Core.Randomness;
using Snn.Core.Validation;
using Snn.Datasets;
using Snn.Datasets.Transforms;

namespace Snn.Experiments.Crossbar;

/// <summary>Turns images and event streams into <see cref="LsmSample"/>s.</summary>
public static class LsmInputs
{
    /// <summary>
    /// An event-camera recording (N-MNIST format) as the paper's input: a centred
    /// <paramref name="crop"/> × <paramref name="crop"/> window of the sensor
    /// (<see cref="Crop.Spatial"/>), both polarities on one channel per pixel (channel = y·crop + x),
    /// events binned by <see cref="EventBinning.ToStepTensor(EventSample, double, int?)"/> into
    /// <paramref name="steps"/> equal bins spanning the recording's first to last event
    /// (<see cref="Crop.Time"/>); several events of one channel in one bin are one spike.
    /// </summary>
    /// <param name="sample">The recording; its sensor must be at least crop × crop.</param>
    /// <param name="crop">Side of the centred crop (pixels), ≥ 1. The paper uses 16.</param>
    /// <param name="steps">Time bins, ≥ 1. The paper uses 50.</param>
    /// <param name="polarity">Keep only this polarity (true = ON), or null for both.</param>
    public static LsmSample FromEvents(EventSample sample, int crop, int steps, bool? polarity = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Guard.PositiveCount(crop, nameof(crop));
        Guard.InRange(sample.Sensor.Width, crop, int.MaxValue, "sample.Sensor.Width");
        Guard.InRange(sample.Sensor.Height, crop, int.MaxValue, "sample.Sensor.Height");
        Guard.PositiveCount(steps, nameof(steps));
        Guard.InRange(sample.Label, 0, int.MaxValue, "sample.Label");
        var events = sample.Events;
        long first = events.Length == 0 ? 0 : events[0].TimeUs;
        long span = events.Length == 0 ? 1 : Math.Max(1, events[^1].TimeUs - first + 1);
        var window = Crop.Time(sample, first, first + span);
        if (polarity is bool wanted)
        {
            window = window.With(Array.FindAll(window.Events, e => e.Polarity == wanted));
        }
        var cropped = Crop.Spatial(window, (sample.Sensor.Width - crop) / 2, (sample.Sensor.Height - crop) / 2, crop, crop);
        var merged = cropped.With(cropped.Events, new SensorSize(crop, crop, 1));
        var spikes = EventBinning.ToStepTensor(merged, span / 1000.0 / steps, steps).Data;
        int channels = crop * crop;
        var bins = new List<int>();
        var inputs = new List<int>();
        for (int k = 0; k < spikes.Length; k++)
        {
            if (spikes[k] != 0)
            {
                bins.Add(k / channels);
                inputs.Add(k % channels);
            }
        }
        return new LsmSample([.. bins], [.. inputs], sample.Label);
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
