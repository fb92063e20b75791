using Snn.Backends.Cpu;
using Snn.Backends.Crossbar;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;

// A CUBA network of 1000 LIF neurons (80 in-degree, as in the 4000-neuron benchmark) run twice from
// the same seed: on the CPU engine, and with every projection on resistive crossbar tiles of
// 128 x 128 cells with an ideal device and periphery, which must give the same spikes. The chip
// also reports what the run cost on the modelled hardware.
const double DurationMs = 200;

var (cpuNet, cpuSpikes) = Build();
using var cpu = new CpuBackend().Compile(cpuNet);
cpu.Run(DurationMs);
var (chipNet, chipSpikes) = Build();
using var chip = new CrossbarBackend(new CrossbarOptions { TileRows = 128, TileColumns = 128 }).CompileCrossbar(chipNet);
chip.Run(DurationMs);

var onCpu = cpu.GetSpikes(cpuSpikes);
var onChip = chip.GetSpikes(chipSpikes);
bool identical = onCpu.Steps.SequenceEqual(onChip.Steps) && onCpu.Neurons.SequenceEqual(onChip.Neurons);
Console.WriteLine($"cpu: {onCpu.Count} spikes, crossbar: {onChip.Count} spikes, identical: {identical}");

var cost = chip.Cost();
Console.WriteLine($"tiles: {cost.Tiles}, programmed cells: {cost.ProgrammedCells}, steps: {cost.Steps}");
Console.WriteLine($"row activations: {cost.RowActivations}, ADC conversions: {cost.AdcConversions}, synaptic operations: {cost.SynapticOperations}");
foreach (var item in cost.Items)
{
    Console.WriteLine($"  {item.Name,-28} {item.Value,12:G4} {item.Unit,-5} {item.Provenance}");
}
Console.WriteLine($"total energy: {cost.TotalEnergy:G4} J, latency: {cost.Latency:G4} s");

static (Network Network, SpikeMonitor Spikes) Build()
{
    var net = new Network(seed: 3);                                              // dt = 0.1 ms
    var lif = new LifCurrent { CM = 250, TauM = 20, TauSynE = 5, TauSynI = 10, EL = -49, VThreshold = -50, VReset = -60, RefractoryPeriod = 5 };
    var exc = net.AddPopulation("exc", 800, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
    var inh = net.AddPopulation("inh", 200, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
    foreach (var target in new[] { exc, inh })
    {
        net.Connect(exc, target, Connectivity.Probability(0.08), Synapse.Excitatory(weight: 1.62 * 250 / 20));   // pA
        net.Connect(inh, target, Connectivity.Probability(0.08), Synapse.Inhibitory(weight: -9.0 * 250 / 20));
    }
    return (net, net.RecordSpikes(exc));
}
