using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Bench.Export;

/// <summary>
/// A network that NIR can express whole, for <c>snn-bench nir export nir-demo</c> (none of the
/// suites can be: they have refractory periods, distinct excitatory and inhibitory synaptic time
/// constants, Poisson drives, current injections or plasticity). 50 spike-source inputs (Bernoulli
/// trains at 20 Hz for 100 ms, drawn from the seed) into a current-based LIF hidden layer with an
/// inhibitory pool, then 10 LIF outputs. τm 10 ms, τsyn 5 ms for both receptors, E_L −65,
/// V_th −55, V_reset −70 mV, no refractory period, every delay 1 ms, dt 0.1 ms.
/// </summary>
public static class NirDemoNetwork
{
    /// <summary>Input channels.</summary>
    public const int Inputs = 50;

    /// <summary>Output neurons.</summary>
    public const int Outputs = 10;

    /// <summary>Hidden neurons (excitatory and pool) when no size is given.</summary>
    public const int DefaultHidden = 100;

    /// <summary>The neuron model: NIR's CubaLIF without refractoriness.</summary>
    public static LifCurrent Neuron => new() { TauM = 10, TauSynE = 5, TauSynI = 5, EL = -65, VReset = -70, VThreshold = -55, RefractoryPeriod = 0 };

    /// <summary>Builds the network with <paramref name="hidden"/> hidden neurons (≥ 4; a quarter form the inhibitory pool).</summary>
    public static Network Create(ulong seed, int hidden = DefaultHidden)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 4);
        var network = new Network(seed, dt: 0.1);
        var random = new Random(unchecked((int)seed));
        var trains = new double[Inputs][];
        for (int i = 0; i < Inputs; i++)
        {
            var times = new List<double>();
            for (int k = 0; k < 1000; k++)
            {
                if (random.NextDouble() < 20 * network.Dt / 1000)
                {
                    times.Add((k + 1) * network.Dt);
                }
            }
            trains[i] = [.. times];
        }
        var input = network.AddSpikeSource("input", trains);
        var excitatory = network.AddPopulation("hidden", hidden - hidden / 4, Neuron);
        var pool = network.AddPopulation("pool", hidden / 4, Neuron);
        var output = network.AddPopulation("output", Outputs, Neuron);
        network.Connect(input, excitatory, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(100, 500), 1.0));
        network.Connect(excitatory, pool, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(100, 400), 1.0));
        network.Connect(pool, excitatory, Connectivity.Probability(0.3), Synapse.Inhibitory(Dist.Uniform(-600, -100), 1.0));
        network.Connect(excitatory, output, Connectivity.Probability(0.3), Synapse.Excitatory(Dist.Uniform(100, 400), 1.0));
        return network;
    }
}
