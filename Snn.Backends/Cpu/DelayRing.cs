namespace Snn.Backends.Cpu;

/// <summary>
/// Per-neuron delay ring buffers for both receptors: slot s holds the input that arrives in every
/// step k with k mod <see cref="Slots"/> = s, as [excitatory N | inhibitory N] floats.
/// </summary>
internal sealed class DelayRing
{
    public DelayRing(int neurons, int maxDelaySteps)
    {
        Neurons = neurons;
        Slots = maxDelaySteps + 1;
        Stride = 2 * neurons;
        Data = new float[(long)Slots * Stride];
    }

    public int Neurons { get; }

    public int Slots { get; }

    public int Stride { get; }

    public float[] Data { get; }

    public int SlotOf(long step) => (int)(step % Slots);

    public Span<float> Excitatory(int slot, int start, int length) => Data.AsSpan(slot * Stride + start, length);

    public Span<float> Inhibitory(int slot, int start, int length) => Data.AsSpan(slot * Stride + Neurons + start, length);
}
