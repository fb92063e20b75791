namespace Snn.Backends.Gpu;

/// <summary>What static delivery transmits for a synapse's weight (a struct, so kernels specialise on it).</summary>
internal interface ISynapseScale
{
    /// <summary>The weight transmitted by static synapse <paramref name="synapse"/> of weight <paramref name="weight"/>.</summary>
    float Apply(float weight, int synapse);
}
