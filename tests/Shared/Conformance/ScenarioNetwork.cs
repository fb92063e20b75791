using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;

namespace Snn.Tests.Shared.Conformance;

/// <summary>A scenario's network, built once per engine from the same seed, with what the tests compare.</summary>
/// <param name="Network">The network.</param>
/// <param name="Spikes">Spike monitors of the neuron populations.</param>
/// <param name="States">State monitors.</param>
/// <param name="Plastic">The plastic projection, or null.</param>
/// <param name="Weights">A weight monitor of the plastic projection, or null.</param>
/// <param name="Modulator">The modulator, or null.</param>
public sealed record ScenarioNetwork(Network Network, SpikeMonitor[] Spikes, StateMonitor[] States, Projection? Plastic, WeightMonitor? Weights,
    Modulator? Modulator);
