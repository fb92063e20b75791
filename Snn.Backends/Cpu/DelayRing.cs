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
        long values = (long)Slots * Stride;
        long bytes = values * sizeof(float);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (values > Array.MaxLength || bytes > available / 2)
        {
            throw new ArgumentException($"The delay rings need {neurons} neurons × 2 receptors × {Slots} slots (longest delay {maxDelaySteps} steps + 1) = "
                + $"{values} floats = {bytes / 1e9:F2} GB; the limit is {Array.MaxLength} floats and half the memory available "
                + $"({available / 2e9:F1} GB). Shorten the longest delay, use a coarser dt (fewer steps per delay) or fewer neurons.", "network");
        }
        Data = new float[values];
    }

    public int Neurons { get; }

    public int Slots { get; }

    public int Stride { get; }

    public float[] Data { get; }

    public int SlotOf(long step) => (int)(step % Slots);

    public Span<float> Excitatory(int slot, int start, int length) => Data.AsSpan(slot * Stride + start, length);

    public Span<float> Inhibitory(int slot, int start, int length) => Data.AsSpan(slot * Stride + Neurons + start, length);
}
