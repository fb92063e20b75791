using Snn.Core.Validation;

namespace Snn.Datasets;

/// <summary>
/// The geometry of an event source: <see cref="Width"/> × <see cref="Height"/> elements with
/// <see cref="Polarities"/> (1 or 2) polarity planes. Flat channels are numbered
/// polarity-major, then row, then column: <c>channel = (p · Height + y) · Width + x</c>, where
/// p is 1 for ON and 0 for OFF on two-polarity sensors and always 0 on one-polarity sensors.
/// </summary>
public readonly record struct SensorSize
{
    /// <summary>Creates a sensor geometry.</summary>
    /// <param name="width">Columns (or channels of a one-dimensional source), at least 1.</param>
    /// <param name="height">Rows, at least 1.</param>
    /// <param name="polarities">Polarity planes, 1 or 2.</param>
    public SensorSize(int width, int height, int polarities)
    {
        Width = Guard.PositiveCount(width, nameof(width));
        Height = Guard.PositiveCount(height, nameof(height));
        Polarities = Guard.InRange(polarities, 1, 2, nameof(polarities));
        long channels = (long)width * height * polarities;
        if (channels > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"width · height · polarities = {channels} must be at most {int.MaxValue}.");
        }
    }

    /// <summary>Columns (or channels of a one-dimensional source).</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Polarity planes: 2 for ON/OFF event cameras, 1 otherwise.</summary>
    public int Polarities { get; }

    /// <summary>The number of flat channels, Width · Height · Polarities.</summary>
    public int Channels => Width * Height * Polarities;

    /// <summary>The N-MNIST sensor (an ATIS crop): 34 × 34, two polarities.</summary>
    public static SensorSize NMnist => new(34, 34, 2);

    /// <summary>The N-Caltech101 sensor (ATIS): at most 240 × 180, two polarities.</summary>
    public static SensorSize NCaltech101 => new(240, 180, 2);

    /// <summary>The DVS128 camera of DVS Gesture: 128 × 128, two polarities.</summary>
    public static SensorSize Dvs128 => new(128, 128, 2);

    /// <summary>The cochlea model of SHD and SSC: 700 channels.</summary>
    public static SensorSize Heidelberg => new(700, 1, 1);

    /// <summary>Whether an event lies on this sensor.</summary>
    /// <param name="e">The event.</param>
    public bool Contains(in SpikeEvent e) => (uint)e.X < (uint)Width && (uint)e.Y < (uint)Height;

    /// <summary>The flat channel of an event (see the type's remarks for the numbering).</summary>
    /// <param name="e">An event with 0 ≤ X &lt; Width and 0 ≤ Y &lt; Height.</param>
    /// <exception cref="ArgumentOutOfRangeException">The event lies outside the sensor.</exception>
    public int ChannelOf(in SpikeEvent e)
    {
        if (!Contains(e))
        {
            throw new ArgumentOutOfRangeException(nameof(e), e, $"event (x = {e.X}, y = {e.Y}) must lie in [0, {Width - 1}] × [0, {Height - 1}].");
        }
        int p = Polarities == 2 && e.Polarity ? 1 : 0;
        return (p * Height + e.Y) * Width + e.X;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Width}x{Height}x{Polarities}";
}
