using BenchmarkDotNet.Attributes;
using Snn.Backends.Cpu;
using Snn.Bench.Suites;
using Snn.Core;

namespace Snn.MicroBench;

/// <summary>
/// The phases of building the CUBA network on the CPU engine, on 2 threads: synapse generation
/// alone (<see cref="Projection.Instantiate"/> of every projection: the connectivity draws, the
/// concatenated tables, weights and delays) and the whole compile (generation, then the CSR matrix
/// by source row per partition, the delay rings and the neuron state). Compile minus generation is
/// the engine's own share. BenchmarkDotNet warms up first, so these are steady-state times without JIT.
/// </summary>
[MemoryDiagnoser]
public class NetworkBuildBenchmarks
{
    private Network? _network;

    /// <summary>Number of neurons (4,000: 321 k synapses; 40,000: 3.2 M).</summary>
    [Params(4000, 40000)]
    public int Neurons { get; set; }

    /// <summary>Describes the network (building it is not timed).</summary>
    [GlobalSetup]
    public void Setup() => _network = CubaNetwork.Build(Neurons, seed: 42, recordSpikes: false).Network;

    /// <summary>Generates every projection's synapses.</summary>
    [Benchmark]
    public long Generate()
    {
        long synapses = 0;
        foreach (var projection in _network!.Projections)
        {
            synapses += projection.Instantiate().Count;
        }
        return synapses;
    }

    /// <summary>Compiles the network on 2 threads (generation included).</summary>
    [Benchmark]
    public void Compile()
    {
        using var simulation = new CpuBackend(new CpuBackendOptions { Threads = 2 }).Compile(_network!);
    }
}
