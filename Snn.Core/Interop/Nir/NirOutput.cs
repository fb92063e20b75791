using Snn.Core.Monitors;

namespace Snn.Core.Interop.Nir;

/// <summary>What a NIR <c>Output</c> node records: the spikes of the spiking population that feeds
/// it, or the membrane potential v (NIR voltage) of a non-spiking one (LI, I, CubaLI) every step.</summary>
public sealed class NirOutput
{
    internal NirOutput(string name, Population population, SpikeMonitor? spikes, StateMonitor? membrane)
    {
        Name = name;
        Population = population;
        Spikes = spikes;
        Membrane = membrane;
    }

    /// <summary>The Output node's name.</summary>
    public string Name { get; }

    /// <summary>The population whose activity the output reports.</summary>
    public Population Population { get; }

    /// <summary>The spike monitor, when the population spikes; otherwise null.</summary>
    public SpikeMonitor? Spikes { get; }

    /// <summary>The membrane monitor (sampled every step), when the population does not spike; otherwise null.</summary>
    public StateMonitor? Membrane { get; }
}
