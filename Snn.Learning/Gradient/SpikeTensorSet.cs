using Snn.Core.Validation;

namespace Snn.Learning.Gradient;

/// <summary>
/// A labelled set of spike tensors for step-based training: sample n is a [steps, channels]
/// array stored time-major at <c>Data[(n · Steps + t) · Channels + c]</c>. Values are spike counts
/// (usually 0 or 1; export to the simulator needs exactly 0 or 1).
/// </summary>
public sealed class SpikeTensorSet
{
    /// <summary>Wraps existing arrays (not copied).</summary>
    /// <param name="data">Samples × steps × channels values, finite and ≥ 0.</param>
    /// <param name="labels">One label per sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="steps">Time steps per sample, ≥ 1.</param>
    /// <param name="channels">Channels, ≥ 1.</param>
    /// <param name="classes">Number of classes, ≥ 2.</param>
    public SpikeTensorSet(float[] data, int[] labels, int steps, int channels, int classes)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        Steps = Guard.PositiveCount(steps, nameof(steps));
        Channels = Guard.PositiveCount(channels, nameof(channels));
        Classes = Guard.InRange(classes, 2, 1 << 16, nameof(classes));
        Guard.PositiveCount(labels.Length, "labels.Length");
        long expected = (long)labels.Length * steps * channels;
        if (data.LongLength != expected)
        {
            throw new ArgumentException($"data.Length = {data.LongLength} must be labels.Length × steps × channels = {expected}.", nameof(data));
        }
        for (int i = 0; i < data.Length; i++)
        {
            if (!float.IsFinite(data[i]) || data[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(data), data[i], $"data[{i}] = {data[i]} must be finite and >= 0.");
            }
        }
        for (int n = 0; n < labels.Length; n++)
        {
            if (labels[n] < 0 || labels[n] >= classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[n], $"labels[{n}] = {labels[n]} must be in [0, {classes - 1}].");
            }
        }
        Data = data;
        Labels = labels;
    }

    /// <summary>The values, samples × steps × channels, time-major per sample.</summary>
    public float[] Data { get; }

    /// <summary>The label of each sample.</summary>
    public int[] Labels { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;

    /// <summary>Time steps per sample.</summary>
    public int Steps { get; }

    /// <summary>Channels per step.</summary>
    public int Channels { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Sample <paramref name="index"/> as a [steps, channels] span.</summary>
    /// <param name="index">In [0, Count).</param>
    public ReadOnlySpan<float> Sample(int index)
    {
        Guard.InRange(index, 0, Count - 1, nameof(index));
        int size = Steps * Channels;
        return Data.AsSpan(index * size, size);
    }

    /// <summary>
    /// Bins spike trains into binary tensors: channel c of sample n spikes in step k when it has a
    /// spike in [k · dt, (k + 1) · dt); spikes at or after steps · dt are dropped.
    /// </summary>
    /// <param name="timesMs">Per sample, per channel, spike times (ms, ≥ 0).</param>
    /// <param name="labels">One label per sample.</param>
    /// <param name="classes">Number of classes, ≥ 2.</param>
    /// <param name="dtMs">Bin width (ms), &gt; 0.</param>
    /// <param name="steps">Steps per sample, ≥ 1.</param>
    public static SpikeTensorSet FromSpikeTimes(double[][][] timesMs, int[] labels, int classes, double dtMs, int steps)
    {
        ArgumentNullException.ThrowIfNull(timesMs);
        ArgumentNullException.ThrowIfNull(labels);
        Guard.Positive(dtMs, nameof(dtMs));
        Guard.PositiveCount(steps, nameof(steps));
        Guard.PositiveCount(timesMs.Length, "timesMs.Length");
        if (labels.Length != timesMs.Length)
        {
            throw new ArgumentException($"labels.Length = {labels.Length} must equal timesMs.Length = {timesMs.Length}.", nameof(labels));
        }
        int channels = Guard.PositiveCount(timesMs[0]?.Length ?? 0, "timesMs[0].Length");
        var data = new float[(long)timesMs.Length * steps * channels];
        for (int n = 0; n < timesMs.Length; n++)
        {
            var sample = timesMs[n];
            if (sample is null || sample.Length != channels)
            {
                throw new ArgumentException($"timesMs[{n}] has {sample?.Length ?? 0} channels; all samples need {channels}.", nameof(timesMs));
            }
            for (int c = 0; c < channels; c++)
            {
                var train = sample[c] ?? [];
                for (int k = 0; k < train.Length; k++)
                {
                    double t = train[k];
                    if (!double.IsFinite(t) || t < 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(timesMs), t, $"timesMs[{n}][{c}][{k}] = {t} must be finite and >= 0 ms.");
                    }
                    double bin = Math.Floor(t / dtMs);
                    if (bin < steps)
                    {
                        data[((long)n * steps + (long)bin) * channels + c] = 1f;
                    }
                }
            }
        }
        return new SpikeTensorSet(data, (int[])labels.Clone(), steps, channels, classes);
    }

    /// <summary>
    /// Row-sequential images: row r of an image is step r, its columns are the channels, and a
    /// pixel spikes when its intensity is at least <paramref name="threshold"/>.
    /// </summary>
    /// <param name="pixels">Per image, rows × columns intensities (row-major).</param>
    /// <param name="labels">One label per image.</param>
    /// <param name="classes">Number of classes, ≥ 2.</param>
    /// <param name="rows">Rows (steps), ≥ 1.</param>
    /// <param name="columns">Columns (channels), ≥ 1.</param>
    /// <param name="threshold">Spike threshold on the 0–255 intensity, in [1, 255].</param>
    public static SpikeTensorSet FromRowSequentialImages(byte[][] pixels, int[] labels, int classes, int rows, int columns, int threshold = 128)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        Guard.PositiveCount(rows, nameof(rows));
        Guard.PositiveCount(columns, nameof(columns));
        Guard.InRange(threshold, 1, 255, nameof(threshold));
        if (labels.Length != pixels.Length)
        {
            throw new ArgumentException($"labels.Length = {labels.Length} must equal pixels.Length = {pixels.Length}.", nameof(labels));
        }
        int size = rows * columns;
        var data = new float[(long)pixels.Length * size];
        for (int n = 0; n < pixels.Length; n++)
        {
            var image = pixels[n];
            if (image is null || image.Length != size)
            {
                throw new ArgumentException($"pixels[{n}] has {image?.Length ?? 0} values; rows × columns = {size}.", nameof(pixels));
            }
            for (int i = 0; i < size; i++)
            {
                data[(long)n * size + i] = image[i] >= threshold ? 1f : 0f;
            }
        }
        return new SpikeTensorSet(data, (int[])labels.Clone(), rows, columns, classes);
    }
}
