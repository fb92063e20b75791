using ILGPU;

namespace Snn.Backends.Gpu;

/// <summary>
/// The per-neuron delay ring buffers on the device, laid out as the CPU engine's: slot s holds the
/// input arriving in every step k with k mod <see cref="Slots"/> = s, as [excitatory N | inhibitory N].
/// </summary>
internal struct DeviceRing
{
    /// <summary>Slots × 2N floats.</summary>
    public ArrayView<float> Data;

    /// <summary>Number of slots (largest delay + 1).</summary>
    public int Slots;

    /// <summary>Number of neurons N.</summary>
    public int Neurons;

    /// <summary>The index of column <paramref name="column"/> (target, offset by N for inhibitory) in <paramref name="slot"/>.</summary>
    public readonly long At(int slot, int column) => (long)slot * 2 * Neurons + column;
}
