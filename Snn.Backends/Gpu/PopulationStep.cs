namespace Snn.Backends.Gpu;

/// <summary>What a neuron kernel needs to know about its population and the step.</summary>
internal struct PopulationStep
{
    /// <summary>Global index of the population's first neuron.</summary>
    public int Offset;

    /// <summary>Index of the population in the network.</summary>
    public int Population;

    /// <summary>Ring slot of the step.</summary>
    public int Slot;

    /// <summary>The step being computed.</summary>
    public long Step;

    /// <summary>The network seed.</summary>
    public ulong Seed;

    /// <summary>The population's noise stream.</summary>
    public uint Stream;
}
