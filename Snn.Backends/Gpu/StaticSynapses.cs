using ILGPU;

namespace Snn.Backends.Gpu;

/// <summary>All static synapses in CSR by source neuron on the device.</summary>
internal struct StaticSynapses
{
    /// <summary>Row of source neuron j: [RowStart[j], RowStart[j + 1]).</summary>
    public ArrayView<int> RowStart;

    /// <summary>Ring column: target neuron, offset by N for the inhibitory receptor.</summary>
    public ArrayView<int> Column;

    /// <summary>Weight.</summary>
    public ArrayView<float> Weight;

    /// <summary>Delay (steps).</summary>
    public ArrayView<ushort> Delay;
}
