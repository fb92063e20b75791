using Snn.Core.Validation;

namespace Snn.Datasets;

/// <summary>A labelled grey-scale image (MNIST, Fashion-MNIST, synthetic images), row-major.</summary>
public sealed class ImageSample
{
    /// <summary>Creates an image sample.</summary>
    /// <param name="pixels">Row-major intensities 0..255, <paramref name="rows"/> · <paramref name="columns"/> of them.</param>
    /// <param name="rows">Image height in pixels, at least 1.</param>
    /// <param name="columns">Image width in pixels, at least 1.</param>
    /// <param name="label">The class label, from 0.</param>
    public ImageSample(byte[] pixels, int rows, int columns, int label)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        Guard.PositiveCount(rows, nameof(rows));
        Guard.PositiveCount(columns, nameof(columns));
        Guard.InRange(label, 0, int.MaxValue, nameof(label));
        if (pixels.Length != rows * columns)
        {
            throw new ArgumentException($"pixels.Length = {pixels.Length} must equal rows · columns = {rows * columns}.", nameof(pixels));
        }
        Pixels = pixels;
        Rows = rows;
        Columns = columns;
        Label = label;
    }

    /// <summary>Row-major intensities 0..255.</summary>
    public byte[] Pixels { get; }

    /// <summary>Image height in pixels.</summary>
    public int Rows { get; }

    /// <summary>Image width in pixels.</summary>
    public int Columns { get; }

    /// <summary>The class label, from 0.</summary>
    public int Label { get; }

    /// <summary>The intensities scaled to [0, 1] (value / 255), row-major: the input of the encoders.</summary>
    public float[] ToIntensities()
    {
        var result = new float[Pixels.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Pixels[i] / 255f;
        }
        return result;
    }
}
