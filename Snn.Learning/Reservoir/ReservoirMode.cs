namespace Snn.Learning.Reservoir;

/// <summary>How a liquid's synapses behave.</summary>
public enum ReservoirMode
{
    /// <summary>The plain LSM: weights fixed at their initial values.</summary>
    Static,

    /// <summary>LSM+STDP: <see cref="AstrocyteStdp"/> with a fixed A = b_A (w_A = 0).</summary>
    Stdp,

    /// <summary>NALSM: <see cref="AstrocyteStdp"/> with A from the <see cref="Astrocyte"/>.</summary>
    Astrocyte,
}
