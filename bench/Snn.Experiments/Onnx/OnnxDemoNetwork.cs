using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Plasticity;

namespace Snn.Experiments.Onnx;

/// <summary>
/// The network of the ONNX round trip (<c>snn-bench run onnx-roundtrip</c>): Bernoulli input spike
/// trains (20 Hz, drawn from the seed) into a current-based LIF hidden layer with an inhibitory
/// recurrent pool, then a LIF output layer; weights in pA, delays 0.1–3 ms per synapse, dt 0.1 ms.
/// Optionally with short-term plasticity: depressing input synapses (U 0.5, τ_rec 100 ms),
/// facilitating hidden-to-output synapses (U 0.2, τ_rec 50 ms, τ_fac 100 ms), both with their
/// weights divided by U so that a first spike transmits what it does without, and the last-spike
/// kernel (τ 5 ms, reset every 25 ms) from the hidden layer onto the pool.
/// Run it on the CPU engine and on the ONNX backend (<c>Snn.Backends.Onnx.OnnxBackend</c>) and compare the output spikes.
/// </summary>
/// <param name="Network">The network (spike sources as inputs, no monitors yet).</param>
/// <param name="Input">The input spike sources.</param>
/// <param name="Hidden">The excitatory hidden layer.</param>
/// <param name="Output">The output layer.</param>
/// <param name="DurationMs">The length of the input trains (ms).</param>
public sealed record OnnxDemoNetwork(Network Network, SpikeSourcePopulation Input, Population Hidden, Population Output, double DurationMs)
{
    private const double DrivenU = 0.5;
    private const double ReadU = 0.2;

    /// <summary>Builds the demo network.</summary>
    /// <param name="seed">Seed of the connectivity, weights, delays and input trains.</param>
    /// <param name="inputs">Number of input neurons, ≥ 1.</param>
    /// <param name="hidden">Number of hidden neurons, ≥ 4.</param>
    /// <param name="outputs">Number of output neurons, ≥ 1.</param>
    /// <param name="durationMs">Length of the input trains (ms), &gt; 0.</param>
    /// <param name="shortTerm">Give three projections short-term plasticity (see the type's summary).</param>
    public static OnnxDemoNetwork Create(ulong seed, int inputs = 100, int hidden = 200, int outputs = 10, double durationMs = 100, bool shortTerm = false)
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
        double drivenGain = shortTerm ? 1 / DrivenU : 1;
        double readGain = shortTerm ? 1 / ReadU : 1;
        var driven = network.Connect(input, excitatory, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(100 * drivenGain, 500 * drivenGain), Dist.Uniform(0.1, 3)));
        var pooled = network.Connect(excitatory, inhibitory, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(100, 400), Dist.Uniform(0.1, 1)));
        network.Connect(inhibitory, excitatory, Connectivity.Probability(0.3), Synapse.Inhibitory(Dist.Uniform(-600, -100), Dist.Uniform(0.1, 1)));
        var read = network.Connect(excitatory, output, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(100 * readGain, 400 * readGain), Dist.Uniform(0.5, 3)));
        if (shortTerm)
        {
            driven.WithShortTermPlasticity(ShortTermPlasticity.Depressing(DrivenU, 100));
            read.WithShortTermPlasticity(ShortTermPlasticity.Facilitating(ReadU, 50, 100));
            pooled.WithShortTermPlasticity(ShortTermPlasticity.LastSpike(5) with { ResetIntervalMs = 25 });
        }
        return new OnnxDemoNetwork(network, input, excitatory, output, durationMs);
    }
}
