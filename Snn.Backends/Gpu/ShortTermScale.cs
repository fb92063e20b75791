using ILGPU;

namespace Snn.Backends.Gpu;

/// <summary>Scales each weight by the short-term factor u·x its synapse's entry stored in one ring slot's row.</summary>
internal readonly struct ShortTermScale(ArrayView<float> factors, ArrayView<int> synapseEntry, long row) : ISynapseScale
{
    /// <inheritdoc />
    public float Apply(float weight, int synapse) => weight * factors[row + synapseEntry[synapse]];
}
