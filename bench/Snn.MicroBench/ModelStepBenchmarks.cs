using BenchmarkDotNet.Attributes;
using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Simulation;

namespace Snn.MicroBench;

/// <summary>
/// The engine's neuron update for each built-in model and for a user's model without a block
/// update (<see cref="UserLif"/>): one population of <see cref="Neurons"/> unconnected neurons,
/// started from spread-out potentials and driven above threshold by a bias so that they fire,
/// compiled for one CPU thread with the block update on or off, ten steps per invocation. The
/// reported time is per neuron-update (the step's fixed costs, spread over the population, included).
/// </summary>
[MemoryDiagnoser]
public class ModelStepBenchmarks
{
    private const int StepsPerInvocation = 10;
    private ISimulation? _simulation;
    private double _stepMs;

    /// <summary>The model.</summary>
    [Params("lif-current", "lif-conductance", "lif-conductance-euler", "izhikevich", "discrete-lif", "nalsm", "adaptive-threshold", "nir-cuba-lif", "windowed-lif", "sfq-neuron", "user-lif")]
    public string Model { get; set; } = "lif-current";

    /// <summary>Whether the engine may use the model's block update.</summary>
    [Params(true, false)]
    public bool BlockUpdate { get; set; }

    /// <summary>Number of neurons.</summary>
    public const int Neurons = 40000;

    /// <summary>Builds and compiles the population and runs 20 steps.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var network = new Network(seed: 7, dt: Model == "nalsm" ? 1.0 : 0.1);
        _ = Model switch
        {
            "lif-current" => Add(network, new LifCurrent { IE = 400 }, -70, -55),
            "lif-conductance" => Add(network, new LifConductance { IE = 400 }, -60, -55),
            "lif-conductance-euler" => Add(network, new LifConductance { IE = 400, TauSynE = 5, TauSynI = 10, Integration = ConductanceIntegration.ForwardEuler }, -60, -55),
            "izhikevich" => Add(network, new Izhikevich { Bias = 10 }, -70, 30),
            "discrete-lif" => Add(network, new DiscreteLif { Bias = 0.2f }, 0, 1),
            "nalsm" => Add(network, new NalsmNeuron { WindowSteps = 250 }, 0, 20),
            "adaptive-threshold" => Add(network, new AdaptiveThresholdLif { Membrane = new LifCurrent { IE = 400 } }, -70, -55),
            "nir-cuba-lif" => Add(network, new NirNeuron { TauSyn = 5, Bias = 2 }, 0, 1),
            "windowed-lif" => Add(network, new WindowedLif(), 0, 5),
            "sfq-neuron" => Add(network, new SfqNeuron { ThresholdFluxons = 1.5, LeakTimeConstantPs = 3e8 }, 0, 1.5),
            "user-lif" => Add(network, new UserLif(), -60, -50),
            _ => throw new ArgumentOutOfRangeException(nameof(Model), Model, "unknown model"),
        };
        _stepMs = network.Dt;
        _simulation = new CpuBackend(new CpuBackendOptions { Threads = 1, UseBlockUpdate = BlockUpdate }).Compile(network);
        _simulation.Run(20 * _stepMs);
    }

    /// <summary>Ten steps of the whole population; the reported time is per neuron-update.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvocation * Neurons)]
    public void Step() => _simulation!.Run(StepsPerInvocation * _stepMs);

    /// <summary>Releases the simulation.</summary>
    [GlobalCleanup]
    public void Cleanup() => _simulation?.Dispose();

    private static Population Add<TModel>(Network network, TModel model, double vLow, double vHigh) where TModel : struct, INeuronModel<TModel>
    {
        var population = network.AddPopulation("neurons", Neurons, model);
        population.WithInitial(StateVariable.V, Dist.Uniform(vLow, vHigh));
        if (model is NalsmNeuron)
        {
            network.Inject(population, new DcCurrent(1.0));
        }
        return population;
    }
}
