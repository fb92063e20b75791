using Snn.Core.Monitors;

namespace Snn.Core.Interop.Nir;

/// <summary>
/// A NIR graph turned into a Snn network: the network (not yet compiled), the spike source of each
/// NIR <c>Input</c> node, what each <c>Output</c> node records, and the population of each neuron
/// node, all by NIR node name (nested nodes as <c>graph.node</c>).
/// </summary>
public sealed class NirNetwork
{
    internal NirNetwork(Network network, IReadOnlyDictionary<string, SpikeSourcePopulation> inputs, IReadOnlyDictionary<string, NirOutput> outputs,
        IReadOnlyDictionary<string, Population> populations)
    {
        Network = network;
        Inputs = inputs;
        Outputs = outputs;
        Populations = populations;
    }

    /// <summary>The network; compile it on any backend.</summary>
    public Network Network { get; }

    /// <summary>The spike source of each <c>Input</c> node.</summary>
    public IReadOnlyDictionary<string, SpikeSourcePopulation> Inputs { get; }

    /// <summary>The recording of each <c>Output</c> node.</summary>
    public IReadOnlyDictionary<string, NirOutput> Outputs { get; }

    /// <summary>The population of each neuron and <c>Input</c> node.</summary>
    public IReadOnlyDictionary<string, Population> Populations { get; }

    /// <summary>The spike monitor of the single <c>Output</c> node, for the common one-output graph.</summary>
    /// <exception cref="InvalidOperationException">The graph has no or several outputs, or its output records a membrane.</exception>
    public SpikeMonitor OutputSpikes
    {
        get
        {
            if (Outputs.Count != 1)
            {
                throw new InvalidOperationException($"The graph has {Outputs.Count} Output nodes; pick one from Outputs.");
            }
            var output = Outputs.Values.First();
            return output.Spikes ?? throw new InvalidOperationException($"Output '{output.Name}' follows a non-spiking node; read its Membrane monitor.");
        }
    }
}
