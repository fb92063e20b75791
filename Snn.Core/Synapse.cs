using Snn.Core.Distributions;

namespace Snn.Core;

/// <summary>Factories for <see cref="SynapseSpec"/>.</summary>
public static class Synapse
{
    /// <summary>Synapses onto the excitatory receptor.</summary>
    /// <param name="weight">Weight (pA, nS or mV by target model).</param>
    /// <param name="delay">Delay (ms); null means one time step.</param>
    public static SynapseSpec Excitatory(Dist weight, Dist? delay = null) => new(weight, delay, Receptor.Excitatory);

    /// <summary>Synapses onto the inhibitory receptor (current-based weights are negative, conductances positive).</summary>
    /// <param name="weight">Weight (pA, nS or mV by target model).</param>
    /// <param name="delay">Delay (ms); null means one time step.</param>
    public static SynapseSpec Inhibitory(Dist weight, Dist? delay = null) => new(weight, delay, Receptor.Inhibitory);
}
