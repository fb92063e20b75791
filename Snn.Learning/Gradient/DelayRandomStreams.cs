using Snn.Core.Randomness;

namespace Snn.Learning.Gradient;

/// <summary>The user streams of <see cref="RngStreams"/> that delay training draws from.</summary>
internal static class DelayRandomStreams
{
    /// <summary>Initial weights; substream = layer.</summary>
    public static uint Weights => RngStreams.User(0x100);

    /// <summary>Initial positions; substream = layer.</summary>
    public static uint Positions => RngStreams.User(0x101);

    /// <summary>Shuffling; substream = epoch.</summary>
    public static uint Shuffle => RngStreams.User(0x102);

    /// <summary>Dropout masks of layer <paramref name="layer"/>; substream = iteration.</summary>
    public static uint Dropout(int layer) => RngStreams.User(0x200 + layer);
}
