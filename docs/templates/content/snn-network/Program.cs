using ScottPlot;
using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

// A random network of 800 excitatory and 200 inhibitory LIF neurons (NEST's iaf_psc_exp) that fires
// on its own: the resting potential EL sits above the threshold, as in Brette et al. 2007's CUBA.
var net = new Network(seed: 42);                                                // dt = 0.1 ms
var lif = new LifCurrent { TauM = 20, EL = -49, VThreshold = -50, VReset = -60, RefractoryPeriod = 5, TauSynE = 5, TauSynI = 10 };
var exc = net.AddPopulation("exc", 800, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
var inh = net.AddPopulation("inh", 200, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
net.Connect(exc, exc, Connectivity.Probability(0.08), Synapse.Excitatory(weight: 16, delay: 1.0));   // pA, ms
net.Connect(exc, inh, Connectivity.Probability(0.08), Synapse.Excitatory(weight: 16, delay: 1.0));
net.Connect(inh, exc, Connectivity.Probability(0.08), Synapse.Inhibitory(weight: -90, delay: 1.0));
net.Connect(inh, inh, Connectivity.Probability(0.08), Synapse.Inhibitory(weight: -90, delay: 1.0));
var spikes = net.RecordSpikes(exc);

using var simulation = new CpuBackend().Compile(net);
simulation.Run(1000);                                                           // ms
var record = simulation.GetSpikes(spikes);
Console.WriteLine($"{record.Count} spikes from {record.RecordedNeurons} excitatory neurons in {record.DurationMs:F0} ms: {record.MeanRate():F2} Hz");

var plot = new Plot();
plot.Add.Markers(record.Times(), record.Neurons.Select(n => (double)n).ToArray(), MarkerShape.FilledCircle, 2);
plot.XLabel("time (ms)");
plot.YLabel("neuron");
plot.SavePng("raster.png", 900, 500);
Console.WriteLine("raster plot: raster.png");
