namespace Snn.Backends.Gpu;

/// <summary>Transmits each weight as it is.</summary>
internal readonly struct Unscaled : ISynapseScale
{
    /// <inheritdoc />
    public float Apply(float weight, int synapse) => weight;
}
