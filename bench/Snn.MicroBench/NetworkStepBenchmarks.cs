using BenchmarkDotNet.Attributes;
using Snn.Backends.Cpu;
using Snn.Bench.Suites;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.MicroBench;

/// <summary>
/// Whole-network steps of the compiled CUBA network through the public API (<c>sim.Run(1)</c> = 10
/// steps of 0.1 ms: neuron updates, spike delivery through the CSR rows into the delay rings),
/// without spike recording, on one thread, with the block neuron update on and off. At about 5.5 Hz
/// the 4000-neuron network delivers about 1.8 synaptic events per neuron per second of model time.
/// With <see cref="ShortTerm"/>, every projection has NALSM's last-spike kernel
/// (<see cref="ShortTermPlasticity.LastSpike"/>, U = 1) with τ_rec = 0.01 ms, so every factor
/// 1 − e^(−ISI/τ_rec) is 1 to within e^(−10) and the network fires as without it: the difference is
/// what short-term plasticity costs (the state update at each spike and the scaled delivery).
/// </summary>
[MemoryDiagnoser]
public class NetworkStepBenchmarks
{
    private const int StepsPerInvocation = 10;
    private const double NegligibleTauRecMs = 0.01;
    private ISimulation? _simulation;

    /// <summary>Number of neurons.</summary>
    [Params(4000, 40000)]
    public int Neurons { get; set; }

    /// <summary>Whether the engine uses <see cref="Snn.Core.Models.LifCurrent.StepBlock"/>.</summary>
    [Params(true, false)]
    public bool BlockUpdate { get; set; }

    /// <summary>Whether every projection has short-term plasticity.</summary>
    [Params(false, true)]
    public bool ShortTerm { get; set; }

    /// <summary>Compiles the network and runs 200 ms so that activity has settled.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var built = CubaNetwork.Build(Neurons, seed: 42, recordSpikes: false);
        if (ShortTerm)
        {
            foreach (var projection in built.Network.Projections)
            {
                projection.WithShortTermPlasticity(ShortTermPlasticity.LastSpike(NegligibleTauRecMs));
            }
        }
        _simulation = new CpuBackend(new CpuBackendOptions { Threads = 1, UseBlockUpdate = BlockUpdate }).Compile(built.Network);
        _simulation.Run(200);
    }

    /// <summary>Ten steps (1 ms of model time); the reported time is per step.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvocation)]
    public void Step() => _simulation!.Run(StepsPerInvocation * 0.1);

    /// <summary>Releases the simulation.</summary>
    [GlobalCleanup]
    public void Cleanup() => _simulation?.Dispose();
}
