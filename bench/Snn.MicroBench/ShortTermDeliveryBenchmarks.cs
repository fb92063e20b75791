using BenchmarkDotNet.Attributes;
using Snn.Backends.Cpu;
using Snn.Bench.Suites;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.MicroBench;

/// <summary>
/// What short-term plasticity costs the CPU engine's static delivery: the compiled CUBA network
/// (<see cref="NetworkStepBenchmarks"/>) with and without the authors' last-spike kernel of NALSM
/// (<see cref="ShortTermPlasticity.LastSpike"/>, U = 1) on every projection. τ_rec is 0.01 ms, so
/// every factor 1 − e^(−ISI/τ_rec) is 1 to within e^(−10) and both networks fire alike: the
/// difference is the state update at each spike and the scaled delivery, not the activity.
/// </summary>
[MemoryDiagnoser]
public class ShortTermDeliveryBenchmarks
{
    private const int StepsPerInvocation = 10;
    private const double NegligibleTauRecMs = 0.01;
    private ISimulation? _simulation;

    /// <summary>Number of neurons.</summary>
    [Params(4000, 40000)]
    public int Neurons { get; set; }

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
        _simulation = new CpuBackend(new CpuBackendOptions { Threads = 1 }).Compile(built.Network);
        _simulation.Run(200);
    }

    /// <summary>Ten steps (1 ms of model time); the reported time is per step.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvocation)]
    public void Step() => _simulation!.Run(StepsPerInvocation * 0.1);

    /// <summary>Releases the simulation.</summary>
    [GlobalCleanup]
    public void Cleanup() => _simulation?.Dispose();
}
