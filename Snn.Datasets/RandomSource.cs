using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Datasets;

/// <summary>
/// Where an encoder or augmentation draws its random numbers: Snn's counter-based Philox
/// generator keyed by <see cref="Seed"/>, on the user stream <c>RngStreams.User(Stream)</c>.
/// Each (channel, sample) pair gets its own sequence (substream = channel, counter starting at
/// sample · 2^32), so a sample's spikes do not depend on which other samples were encoded or
/// in which order.
/// </summary>
public readonly record struct RandomSource
{
    /// <summary>Creates a random source.</summary>
    /// <param name="seed">The Philox key.</param>
    /// <param name="stream">The user stream index, in [0, 2^31 − 1] (see <c>RngStreams.User</c>).</param>
    public RandomSource(ulong seed, int stream = 0)
    {
        Seed = seed;
        Stream = Guard.InRange(stream, 0, int.MaxValue, nameof(stream));
    }

    /// <summary>The Philox key.</summary>
    public ulong Seed { get; }

    /// <summary>The user stream index.</summary>
    public int Stream { get; }

    /// <summary>The generator for one channel of one sample.</summary>
    /// <param name="channel">The channel (substream), ≥ 0.</param>
    /// <param name="sample">The sample index, ≥ 0.</param>
    public CounterRng For(int channel, int sample)
    {
        Guard.InRange(channel, 0, int.MaxValue, nameof(channel));
        Guard.InRange(sample, 0, int.MaxValue, nameof(sample));
        return new CounterRng(Seed, RngStreams.User(Stream), (uint)channel, (ulong)sample << 32);
    }
}
