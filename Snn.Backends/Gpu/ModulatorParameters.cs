namespace Snn.Backends.Gpu;

/// <summary>A neuromodulator's constants on the device.</summary>
internal struct ModulatorParameters
{
    /// <summary>Resting value.</summary>
    public float Baseline;

    /// <summary>e^(−dt/τ).</summary>
    public float Decay;

    /// <summary>Increase per spike of the source.</summary>
    public float Gain;

    /// <summary>Index of the source population, or −1.</summary>
    public int Source;
}
