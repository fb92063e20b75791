using ScottPlot;
using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

// Brette et al. 2007, benchmark 2 (CUBA): 4000 LIF neurons, 80 % excitatory, p = 0.02, current
// synapses. Brian2 writes the synapses as voltage jumps (+1.62 mV, -9 mV); with C = 250 pF and
// tau_m = 20 ms a jump of x mV is a current step of x * 250 / 20 pA.
var net = new Network(seed: 42);                                                 // dt = 0.1 ms
var lif = new LifCurrent { CM = 250, TauM = 20, TauSynE = 5, TauSynI = 10, EL = -49, VThreshold = -50, VReset = -60, RefractoryPeriod = 5 };
var exc = net.AddPopulation("exc", 3200, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
var inh = net.AddPopulation("inh", 800, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
foreach (var target in new[] { exc, inh })
{
    net.Connect(exc, target, Connectivity.Probability(0.02), Synapse.Excitatory(weight: 1.62 * 250 / 20));   // pA
    net.Connect(inh, target, Connectivity.Probability(0.02), Synapse.Inhibitory(weight: -9.0 * 250 / 20));
}
var excSpikes = net.RecordSpikes(exc);
var inhSpikes = net.RecordSpikes(inh);

using var simulation = new CpuBackend().Compile(net);
simulation.Run(1000);                                                            // ms
var e = simulation.GetSpikes(excSpikes);
var i = simulation.GetSpikes(inhSpikes);
Console.WriteLine($"excitatory: {e.Count} spikes, {e.MeanRate():F2} Hz");
Console.WriteLine($"inhibitory: {i.Count} spikes, {i.MeanRate():F2} Hz");

var plot = new Plot();
plot.Add.Markers(e.Times(), e.Neurons.Select(n => (double)n).ToArray(), MarkerShape.FilledCircle, 1, Colors.Blue);
plot.Add.Markers(i.Times(), i.Neurons.Select(n => 3200.0 + n).ToArray(), MarkerShape.FilledCircle, 1, Colors.Red);
plot.Axes.SetLimits(0, 1000, 0, 4000);
plot.XLabel("time (ms)");
plot.YLabel("neuron (excitatory blue, inhibitory red)");
plot.SavePng("cuba-raster.png", 1000, 600);
Console.WriteLine("raster plot: cuba-raster.png");
