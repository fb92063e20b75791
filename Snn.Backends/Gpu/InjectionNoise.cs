namespace Snn.Backends.Gpu;

/// <summary>The noise part of an injection in one step.</summary>
internal struct InjectionNoise
{
    /// <summary>1 when the step has noise.</summary>
    public int Active;

    /// <summary>Standard deviation (pA).</summary>
    public float Sd;

    /// <summary>The network seed.</summary>
    public ulong Seed;

    /// <summary>The injection's noise stream.</summary>
    public uint Stream;

    /// <summary>The step.</summary>
    public long Step;

    /// <summary>Global index of the target population's first neuron.</summary>
    public int Offset;
}
