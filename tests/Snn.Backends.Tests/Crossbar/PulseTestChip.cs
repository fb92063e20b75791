using Snn.Backends.Crossbar;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Plasticity;

namespace Snn.Backends.Tests.Crossbar;

/// <summary>
/// A pulse-response bench on a simulated chip: one source firing every step drives
/// <c>synapses</c> plastic synapses (one per LIF target) under <see cref="AddModulatorRule"/>, so
/// <see cref="Request"/> makes every synapse request the same weight change in one step. The weight
/// range is 1, so a change of 1/N is one mean pulse step of a device with N pulses.
/// </summary>
internal sealed class PulseTestChip : IDisposable
{
    private readonly Modulator _change;

    public PulseTestChip(ResistiveDevice device, int synapses, double initialWeight, PulseRounding rounding = PulseRounding.Nearest)
    {
        var network = new Network(seed: 7, dt: 1);
        var input = network.AddSpikeSource("in", [Enumerable.Range(1, 10_000).Select(t => (double)t).ToArray()]);
        var targets = network.AddPopulation("out", synapses, new LifCurrent());
        _change = network.AddModulator("change", tauMs: 1e12);
        Projection = network.Connect(input, targets, Connectivity.AllToAll(), Synapse.Excitatory(initialWeight, 1)).WithPlasticity(new AddModulatorRule(), _change);
        var options = new CrossbarOptions
        {
            Device = device,
            PulseRounding = rounding,
            WeightRanges = new Dictionary<string, double> { [Projection.Name] = 1 },
        };
        Chip = new CrossbarBackend(options).CompileCrossbar(network);
        Chip.Run(1);
    }

    public CrossbarSimulation Chip { get; }

    public Projection Projection { get; }

    /// <summary>Conductances (µS) of the positive cells, one per synapse.</summary>
    public double[] Plus => Chip.GetConductances(Projection).ReadPlus;

    /// <summary>Conductances (µS) of the negative cells, one per synapse.</summary>
    public double[] Minus => Chip.GetConductances(Projection).ReadMinus;

    /// <summary>Makes every synapse request a weight change of <paramref name="change"/> in the next step.</summary>
    public void Request(double change)
    {
        Chip.SetModulator(_change, change);
        Chip.Run(1);
        Chip.SetModulator(_change, 0);
    }

    public void Dispose() => Chip.Dispose();
}
