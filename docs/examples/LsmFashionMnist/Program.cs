using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Datasets;
using Snn.Datasets.Encoders;
using Snn.Datasets.Formats;
using Snn.Learning.Readout;

// A liquid state machine on Fashion-MNIST, at reduced sizes: 1000 training and 500 test images,
// each shown for 50 ms as 784 Poisson trains (up to 100 Hz) to a random recurrent liquid of 400 LIF
// neurons, with 30 ms of silence between images. The liquid's spike counts per image are the
// features of a ridge-regression readout. The data come from `apt-get install dataset-fashion-mnist`
// or the Snn.Datasets cache.
const int TrainCount = 1000, TestCount = 500, Liquid = 400;
const double ShowMs = 50, GapMs = 30, WindowMs = ShowMs + GapMs, Dt = 0.1;

var train = IdxDataset.FashionMnist(DataSplit.Train).Take(TrainCount).ToArray();
var test = IdxDataset.FashionMnist(DataSplit.Test).Take(TestCount).ToArray();
var images = train.Concat(test).ToArray();

// All images one after the other: image k starts at (k + 1) * WindowMs on every input channel.
var encoder = new PoissonEncoder(maxRateHz: 100, durationMs: ShowMs, new RandomSource(seed: 1));
var channels = Enumerable.Range(0, 784).Select(_ => new List<double>()).ToArray();
for (int k = 0; k < images.Length; k++)
{
    var trains = encoder.Encode(images[k].ToIntensities(), sample: k).ToSourceTimes(Dt);
    for (int c = 0; c < trains.Length; c++)
    {
        channels[c].AddRange(trains[c].Select(t => t + (k + 1) * WindowMs));
    }
}

var net = new Network(seed: 2, dt: Dt);
var lif = new LifCurrent { CM = 250, TauM = 20, TauSynE = 5, TauSynI = 10, EL = -65, VThreshold = -50, VReset = -65, RefractoryPeriod = 2 };
var input = net.AddSpikeSource("pixels", channels.Select(c => c.ToArray()).ToArray());
var exc = net.AddPopulation("exc", Liquid * 4 / 5, lif);
var inh = net.AddPopulation("inh", Liquid / 5, lif);
foreach (var target in new[] { exc, inh })
{
    net.Connect(input, target, Connectivity.Probability(0.1), Synapse.Excitatory(weight: Dist.Uniform(20, 60), delay: 1.0));   // pA
    net.Connect(exc, target, Connectivity.Probability(0.1), Synapse.Excitatory(weight: 10, delay: Dist.Uniform(1, 3)));
    net.Connect(inh, target, Connectivity.Probability(0.2), Synapse.Inhibitory(weight: -40, delay: Dist.Uniform(1, 3)));
}
var excSpikes = net.RecordSpikes(exc);
var inhSpikes = net.RecordSpikes(inh);

using var simulation = new CpuBackend().Compile(net);
simulation.Run((images.Length + 1) * WindowMs);

// Features: each liquid neuron's spike count while image k is shown (and 10 ms after).
var features = images.Select(_ => new float[Liquid]).ToArray();
int spikes = 0;
foreach (var (record, offset) in new[] { (simulation.GetSpikes(excSpikes), 0), (simulation.GetSpikes(inhSpikes), Liquid * 4 / 5) })
{
    var times = record.Times();
    for (int s = 0; s < record.Count; s++)
    {
        int k = (int)(times[s] / WindowMs) - 1;
        if (k >= 0 && k < images.Length && times[s] - (k + 1) * WindowMs < ShowMs + 10)
        {
            features[k][offset + record.Neurons[s]]++;
            spikes++;
        }
    }
}
Console.WriteLine($"liquid: {Liquid} neurons, {spikes / (double)images.Length:F0} spikes per image");

int[] labels = images.Select(i => i.Label).ToArray();
var readout = RidgeReadout.Fit(features[..TrainCount], labels[..TrainCount], classes: 10, penalty: 1);
double accuracy = readout.Accuracy(features[TrainCount..], labels[TrainCount..]);
Console.WriteLine($"liquid + ridge readout: test accuracy {100 * accuracy:F1} % on {TestCount} images (chance 10 %)");

var pixels = images.Select(i => i.ToIntensities()).ToArray();
var direct = RidgeReadout.Fit(pixels[..TrainCount], labels[..TrainCount], classes: 10, penalty: 1);
Console.WriteLine($"ridge readout on the pixels themselves: {100 * direct.Accuracy(pixels[TrainCount..], labels[TrainCount..]):F1} %");
