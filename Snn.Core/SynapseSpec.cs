using Snn.Core.Distributions;

namespace Snn.Core;

/// <summary>
/// The synapses of a projection: weight and delay distributions and the receptor they feed.
/// Weight units follow the target model (<see cref="Models.SynapseKind"/>): pA for current-based,
/// nS for conductance-based, mV for voltage-jump models. Delays are in ms and are rounded to whole
/// steps of the network's dt; they must be at least one step.
/// </summary>
/// <param name="Weight">Weight distribution.</param>
/// <param name="Delay">Delay distribution (ms); null means one time step.</param>
/// <param name="Receptor">The receptor fed.</param>
public sealed record SynapseSpec(Dist Weight, Dist? Delay, Receptor Receptor);
