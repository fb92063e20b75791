using Snn.Core.Models;
using Snn.Core.Validation;

namespace Snn.Core.Interop.Nir;

/// <summary>
/// Writes a Snn network as a NIR graph, for snnTorch, Norse, Lava, Rockpool, SpiNNaker2, Speck and
/// the other NIR tools. A spike source becomes an Input node, a <see cref="LifCurrent"/>
/// population a CubaLIF node (τ in NIR time units, r = τm/C, v_leak = E_L + r·I_e, w_in = 1), a
/// <see cref="NirNeuron"/> population the primitive it came from; each projection becomes a
/// Linear node per distinct delay (weights summed over multapses and scaled so a spike moves the
/// target exactly as in Snn), preceded by a Delay node of (d − 1)·dt when its delay d is more than
/// the one step every Snn synapse takes; chosen populations get Output nodes. What NIR cannot
/// express makes it throw <see cref="NotSupportedException"/> naming the population, projection or
/// input: other neuron models (Izhikevich, conductance-based, stochastic), refractory periods,
/// distinct excitatory and inhibitory synaptic time constants, plasticity, injected currents,
/// Poisson drives and neuromodulators. Initial-state distributions are not exported (NIR has none).
/// </summary>
public static class NirExporter
{
    /// <summary>Builds the NIR graph of <paramref name="network"/>.</summary>
    /// <param name="network">The network (compiled or not).</param>
    /// <param name="options">Time unit and outputs; null for defaults.</param>
    /// <exception cref="NotSupportedException">Names what NIR cannot express.</exception>
    public static NirGraph ToGraph(Network network, NirExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new NirExportOptions();
        Guard.Positive(options.TimeUnitMs, "options.TimeUnitMs");
        return new NirGraphBuilder(network, options).Build();
    }

    /// <summary>Writes <paramref name="network"/> to a <c>.nir</c> file (see <see cref="ToGraph"/>).</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The output file, overwritten.</param>
    /// <param name="options">Time unit and outputs; null for defaults.</param>
    /// <exception cref="NotSupportedException">Names what NIR cannot express.</exception>
    public static void Export(Network network, string path, NirExportOptions? options = null)
        => NirFile.Write(ToGraph(network, options), path);
}
