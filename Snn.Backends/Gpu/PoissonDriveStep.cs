namespace Snn.Backends.Gpu;

/// <summary>One Poisson drive in one step.</summary>
internal struct PoissonDriveStep
{
    /// <summary>Ring column of the first target (global neuron, offset by N for inhibitory).</summary>
    public int Column;

    /// <summary>Ring slot of the step.</summary>
    public int Slot;

    /// <summary>Expected inputs per neuron and step.</summary>
    public double Lambda;

    /// <summary>e^(−λ).</summary>
    public double EmptyProbability;

    /// <summary>Weight of one input.</summary>
    public float Weight;

    /// <summary>The network seed.</summary>
    public ulong Seed;

    /// <summary>The drive's stream.</summary>
    public uint Stream;

    /// <summary>The step.</summary>
    public long Step;
}
