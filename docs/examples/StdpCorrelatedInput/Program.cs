using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Randomness;
using Snn.Core.Simulation;
using Snn.Learning.Plasticity;

// One LIF neuron receives 200 Poisson inputs at 10 Hz through plastic synapses (additive pair STDP,
// depression 10 % stronger than potentiation, as in Song, Miller & Abbott 2000). Inputs 0-99
// are correlated: each copies the spikes of a shared 10 Hz "mother" train with probability 0.3 and
// fires independently the rest of the time. Inputs 100-199 are independent. STDP potentiates the
// synapses whose spikes predict the output spike (the correlated group) and depresses the others.
const int Inputs = 200, Correlated = 100;
const double RateHz = 10, Correlation = 0.3, DurationMs = 120_000, WMax = 40;   // pA

var rng = new CounterRng(seed: 11, stream: 0, substream: 0);
double[] mother = PoissonTimes(ref rng, RateHz, DurationMs);
var trains = new double[Inputs][];
for (int n = 0; n < Inputs; n++)
{
    double privateRate = n < Correlated ? (1 - Correlation) * RateHz : RateHz;
    var times = PoissonTimes(ref rng, privateRate, DurationMs).ToList();
    if (n < Correlated)
    {
        times.AddRange(mother.Where(_ => rng.NextDouble() < Correlation));
    }
    trains[n] = times.Select(t => Math.Round(t, 1)).Where(t => t >= 0.1).Distinct().Order().ToArray();   // whole steps, from the first
}

var net = new Network(seed: 11);                                                 // dt = 0.1 ms
var input = net.AddSpikeSource("in", trains);
var neuron = net.AddPopulation("out", 1, new LifCurrent { TauM = 20, TauSynE = 5, EL = -70, VThreshold = -54, VReset = -60, RefractoryPeriod = 2 });
var synapses = net.Connect(input, neuron, Connectivity.AllToAll(), Synapse.Excitatory(weight: Dist.Uniform(0.2 * WMax, 0.4 * WMax), delay: 1.0))
    .WithPlasticity(new PairStdp { APlus = 0.005 * WMax, AMinus = 0.0055 * WMax, TauPlus = 20, TauMinus = 20, WMax = WMax });
var output = net.RecordSpikes(neuron);
var table = synapses.Instantiate();

using var simulation = new CpuBackend().Compile(net);
Report("before", simulation.GetWeights(synapses));
for (int second = 1; second <= DurationMs / 1000; second++)
{
    simulation.Run(1000);
    if (second % 30 == 0)
    {
        Report($"after {second} s", simulation.GetWeights(synapses));
    }
}
Console.WriteLine($"output rate: {simulation.GetSpikes(output).MeanRate():F1} Hz");

void Report(string when, float[] weights)
{
    double correlated = 0, independent = 0;
    for (int s = 0; s < weights.Length; s++)
    {
        if (table.Sources[s] < Correlated) correlated += weights[s]; else independent += weights[s];
    }
    Console.WriteLine($"{when,-12} mean weight (pA): correlated {correlated / Correlated,5:F1}, independent {independent / (Inputs - Correlated),5:F1}");
}

static double[] PoissonTimes(ref CounterRng rng, double rateHz, double durationMs)
{
    var times = new List<double>();
    for (double t = -Math.Log(rng.NextDoubleNonZero()) * 1000 / rateHz; t < durationMs; t += -Math.Log(rng.NextDoubleNonZero()) * 1000 / rateHz)
    {
        times.Add(t);
    }
    return [.. times];
}
