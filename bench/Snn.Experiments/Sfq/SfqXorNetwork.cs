using Snn.Backends.Sfq;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Monitors;

namespace Snn.Experiments.Sfq;

/// <summary>The XOR network of <see cref="SfqXorDesign"/> built for one input pattern: the Core
/// network (dt 1 ps), its populations, projections and monitors.</summary>
/// <param name="Network">The network.</param>
/// <param name="Inputs">Input pulse trains: neuron 0 is A, neuron 1 is B.</param>
/// <param name="And">The hidden AND neuron.</param>
/// <param name="Output">The output neuron.</param>
/// <param name="Projections">All projections: input→AND, input→output, then the inhibitory AND→output ones.</param>
/// <param name="InputSpikes">Monitor of the inputs.</param>
/// <param name="OutputSpikes">Monitor of the output.</param>
public sealed record SfqXorNetwork(
    Network Network,
    SpikeSourcePopulation Inputs,
    Population<SfqNeuron> And,
    Population<SfqNeuron> Output,
    IReadOnlyList<Projection> Projections,
    SpikeMonitor InputSpikes,
    SpikeMonitor OutputSpikes)
{
    /// <summary>Builds the network for inputs (<paramref name="a"/>, <paramref name="b"/>).</summary>
    /// <param name="design">The design.</param>
    /// <param name="a">Input A.</param>
    /// <param name="b">Input B.</param>
    /// <param name="seed">Seed of every random draw (gates, jitter, spread).</param>
    public static SfqXorNetwork Build(SfqXorDesign design, bool a, bool b, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(design);
        design.Validate();
        var network = new Network(seed, dt: SfqConstants.Ps(1));
        double[] Train(bool on, double phasePs) => on
            ? Enumerable.Range(0, design.WindowPeriods).Select(k => SfqConstants.Ps(phasePs + k * design.ClockPeriodPs)).ToArray()
            : [];
        var inputs = network.AddSpikeSource("inputs", [Train(a, design.ClockPeriodPs), Train(b, 1.5 * design.ClockPeriodPs)]);
        var and = network.AddPopulation("and", 1, new SfqNeuron
        {
            ThresholdFluxons = design.AndThresholdFluxons,
            LeakTimeConstantPs = design.AndLeakPs,
            RefractoryPs = design.RefractoryPs,
        });
        var output = network.AddPopulation("output", 1, new SfqNeuron
        {
            ThresholdFluxons = design.OutputThresholdFluxons,
            LeakTimeConstantPs = design.OutputLeakPs,
            RefractoryPs = design.RefractoryPs,
        });
        var inputDelay = SfqConstants.Ps(design.InputDelayPs);
        var outputInputDelay = SfqConstants.Ps(design.InputDelayPs + design.InputToOutputExtraDelayPs);
        var projections = new List<Projection>
        {
            network.Connect(inputs, and, Connectivity.Pairs([0], [0]), Synapse.Excitatory(design.InputToAndWeight, inputDelay)),
            network.Connect(inputs, and, Connectivity.Pairs([1], [0]), Synapse.Excitatory(design.InputToAndWeight, inputDelay)),
            network.Connect(inputs, output, Connectivity.Pairs([0], [0]), Synapse.Excitatory(design.InputToOutputWeight, outputInputDelay)),
            network.Connect(inputs, output, Connectivity.Pairs([1], [0]), Synapse.Excitatory(design.InputToOutputWeight, outputInputDelay)),
        };
        for (int k = 0; k < design.InhibitorySynapses; k++)
        {
            double delay = SfqConstants.Ps(design.InhibitoryDelayPs + k * design.InhibitoryStaggerPs);
            projections.Add(network.Connect(and, output, Connectivity.OneToOne(), Synapse.Inhibitory(-design.AndToOutputWeight, delay)));
        }
        return new SfqXorNetwork(network, inputs, and, output, projections, network.RecordSpikes(inputs), network.RecordSpikes(output));
    }
}
