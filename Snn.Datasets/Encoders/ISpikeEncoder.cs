namespace Snn.Datasets.Encoders;

/// <summary>Turns a vector of static values (an image, a feature vector) into spike trains (ms).</summary>
public interface ISpikeEncoder
{
    /// <summary>The number of spike channels produced for <paramref name="inputs"/> values.</summary>
    /// <param name="inputs">The number of input values.</param>
    int OutputChannels(int inputs);

    /// <summary>Encodes one sample.</summary>
    /// <param name="values">The values, in the encoder's documented range.</param>
    /// <param name="sample">The sample index, ≥ 0: stochastic encoders draw a separate, reproducible sequence per sample.</param>
    SpikeTrains Encode(ReadOnlySpan<float> values, int sample = 0);
}
