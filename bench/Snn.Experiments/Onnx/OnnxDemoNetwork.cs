using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Experiments.Onnx;

/// <summary>
/// The network of the ONNX round trip (<c>snn-bench run onnx-roundtrip</c>): Bernoulli input spike
/// trains (20 Hz, drawn from the seed) into a current-based LIF hidden layer with an inhibitory
/// recurrent pool, then a LIF output layer; weights in pA, delays 0.1–3 ms per synapse, dt 0.1 ms.
/// Run it on the CPU engine and on the ONNX backend (<c>Snn.Backends.Onnx.OnnxBackend</c>) and compare the output spikes.
/// </summary>
/// <param name="Network">The network (spike sources as inputs, no monitors yet).</param>
/// <param name="Input">The input spike sources.</param>
/// <param name="Hidden">The excitatory hidden layer.</param>
/// <param name="Output">The output layer.</param>
/// <param name="DurationMs">The length of the input trains (ms).</param>
public sealed record OnnxDemoNetwork(Network Network, SpikeSourcePopulation Input, Population Hidden, Population Output, double DurationMs)
{
    /// <summary>Builds the demo network.</summary>
    /// <param name="seed">Seed of the connectivity, weights, delays and input trains.</param>
    /// <param name="inputs">Number of input neurons, ≥ 1.</param>
    /// <param name="hidden">Number of hidden neurons, ≥ 4.</param>
    /// <param name="outputs">Number of output neurons, ≥ 1.</param>
    /// <param name="durationMs">Length of the input trains (ms), &gt; 0.</param>
    public static OnnxDemoNetwork Create(ulong seed, int inputs = 100, int hidden = 200, int outputs = 10, double durationMs = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationMs);
        var network = new Network(seed, dt: 0.1);
        var random = new Random(unchecked((int)seed));
        long steps = (long)Math.Round(durationMs / network.Dt);
        var trains = new double[inputs][];
        for (int i = 0; i < inputs; i++)
        {
            var times = new List<double>();
            for (long k = 0; k < steps; k++)
            {
                if (random.NextDouble() < 20 * network.Dt / 1000)
                {
                    times.Add((k + 1) * network.Dt);
                }
            }
            trains[i] = [.. times];
        }
        var input = network.AddSpikeSource("input", trains);
        var model = new LifCurrent { TauM = 10, TauSynE = 2, TauSynI = 5, EL = -65, VReset = -70, VThreshold = -55, RefractoryPeriod = 2 };
        var excitatory = network.AddPopulation("hidden", hidden - hidden / 4, model);
        var inhibitory = network.AddPopulation("pool", hidden / 4, model);
        var output = network.AddPopulation("output", outputs, model with { TauM = 20 });
        excitatory.WithInitial(StateVariable.V, Dist.Uniform(-70, -56));
        network.Connect(input, excitatory, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(100, 500), Dist.Uniform(0.1, 3)));
        network.Connect(excitatory, inhibitory, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(100, 400), Dist.Uniform(0.1, 1)));
        network.Connect(inhibitory, excitatory, Connectivity.Probability(0.3), Synapse.Inhibitory(Dist.Uniform(-600, -100), Dist.Uniform(0.1, 1)));
        network.Connect(excitatory, output, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(100, 400), Dist.Uniform(0.5, 3)));
        return new OnnxDemoNetwork(network, input, excitatory, output, durationMs);
    }
}
