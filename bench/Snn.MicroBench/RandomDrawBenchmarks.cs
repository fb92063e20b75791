using BenchmarkDotNet.Attributes;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;

namespace Snn.MicroBench;

/// <summary>
/// The engine's per-neuron and per-synapse random draws, one at a time and with their Philox blocks
/// computed four at a time (the same numbers either way): a step of a noise current on 1,000 neurons
/// (<see cref="PreparedCurrent.NoiseAt"/> per neuron against <see cref="PreparedCurrent.NoisesAt"/>),
/// and the build of a 1,000 × 1,000 all-to-all projection with constant weights (no draws) and with
/// uniform weights (a million draws, batched by the build).
/// </summary>
public class RandomDrawBenchmarks
{
    private const int Neurons = 1000;
    private const ulong Seed = 42;
    private const uint Stream = 7;
    private readonly PreparedCurrent _noise = new NoiseCurrent(0, 5).Prepare(0.1);
    private readonly uint[] _neurons = [.. Enumerable.Range(0, Neurons).Select(i => (uint)i)];
    private readonly float[] _values = new float[Neurons];
    private long _step;

    /// <summary>One step's noise, neuron by neuron.</summary>
    [Benchmark(Baseline = true)]
    public float NoiseOneByOne()
    {
        long step = _step++;
        for (int i = 0; i < Neurons; i++)
        {
            _values[i] = _noise.NoiseAt(step, i, Seed, Stream);
        }
        return _values[Neurons - 1];
    }

    /// <summary>One step's noise, the blocks four at a time.</summary>
    [Benchmark]
    public float NoiseTogether()
    {
        _noise.NoisesAt(_step++, _neurons, Seed, Stream, _values);
        return _values[Neurons - 1];
    }

    /// <summary>Builds the projection with one constant weight: the cost of the build without draws.</summary>
    [Benchmark]
    public int AllToAllConstantWeights() => Build(Dist.Constant(0.25));

    /// <summary>Builds the projection with uniform weights.</summary>
    [Benchmark]
    public int AllToAllUniformWeights() => Build(Dist.Uniform(0, 0.5));

    private static int Build(Dist weight)
    {
        var network = new Network(Seed, 1.0);
        var population = network.AddPopulation("p", Neurons, Izhikevich.Preset("RS"));
        return network.Connect(population, population, Connectivity.AllToAll(allowAutapses: true), Synapse.Excitatory(weight, 1.0)).Instantiate().Count;
    }
}
