using Snn.Backends.Onnx;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Onnx;

/// <summary>
/// The ONNX lowerings take each neuron's propagators from the model's own propagator struct
/// (<see cref="LifCurrentPropagators"/>, <see cref="LifConductancePropagators"/>,
/// <see cref="IzhikevichSubSteps"/>): on populations whose every neuron has different parameters
/// (a synaptic time constant equal to the membrane's, refractory periods that round differently,
/// a step with several Izhikevich sub-steps), the exported graph gives the CPU engine's spikes and
/// membrane potentials bit for bit.
/// </summary>
public class OnnxPropagatorTests
{
    private const double DurationMs = 40;

    [Fact]
    public void HeterogeneousCurrentLifGivesTheCpuEnginesBits()
        => AssertBitIdentical(network => network.AddPopulation("lif", Enumerable.Range(0, 12).Select(i => new LifCurrent
        {
            TauM = 8 + i,
            TauSynE = i == 3 ? 11 : 1 + 0.5 * i,
            TauSynI = 2 + 0.25 * i,
            CM = 150 + 10 * i,
            EL = -70 + 0.5 * i,
            VThreshold = -55,
            VReset = -68,
            IE = 20 * i,
            RefractoryPeriod = 0.75 + 0.2 * i,
        }).ToArray()), 0.1, 300);

    [Fact]
    public void HeterogeneousConductanceLifGivesTheCpuEnginesBits()
        => AssertBitIdentical(network => network.AddPopulation("cond", Enumerable.Range(0, 12).Select(i => new LifConductance
        {
            CM = 150 + 15 * i,
            GL = 10 + i,
            TauSynE = 0.2 + 0.3 * i,
            TauSynI = 2 + 0.5 * i,
            VThreshold = -52,
            VReset = -62,
            IE = 15 * i,
            RefractoryPeriod = 0.5 + 0.3 * i,
        }).ToArray()), 0.1, 25);

    [Fact]
    public void HeterogeneousForwardEulerConductanceLifGivesTheCpuEnginesBits()
        => AssertBitIdentical(network => network.AddPopulation("cond", Enumerable.Range(0, 12).Select(i => new LifConductance
        {
            CM = 150 + 15 * i,
            GL = 10 + i,
            TauSynE = 0.2 + 0.3 * i,
            TauSynI = 2 + 0.5 * i,
            VThreshold = -52,
            VReset = -62,
            IE = 15 * i,
            RefractoryPeriod = 0.5 + 0.3 * i,
            Integration = ConductanceIntegration.ForwardEuler,
        }).ToArray()), 0.1, 25);

    [Fact]
    public void IzhikevichWithSeveralSubStepsGivesTheCpuEnginesBits()
        => AssertBitIdentical(network => network.AddPopulation("izh", Enumerable.Range(0, 12).Select(i => new Izhikevich
        {
            A = 0.02 + 0.005 * i,
            D = 2 + 0.5 * i,
            Bias = i,
        }).ToArray()), 0.75, 12);

    private static void AssertBitIdentical(Func<Network, Population> addTarget, double dt, double weight)
    {
        (Network, Core.Monitors.SpikeMonitor, Core.Monitors.StateMonitor) Build()
        {
            var network = new Network(5, dt);
            var input = network.AddSpikeSource("input", OnnxTestNetworks.RandomTrains(5, 20, 150, DurationMs, dt));
            var target = addTarget(network);
            network.Connect(input, target, Connectivity.Probability(0.5), Synapse.Excitatory(weight, dt));
            return (network, network.RecordSpikes(target), network.RecordState(target, StateVariable.V));
        }
        var (onCpu, cpuSpikes, cpuMembrane) = Build();
        using var cpu = SimulationHelpers.Run(onCpu, DurationMs);
        var (onOnnx, onnxSpikes, onnxMembrane) = Build();
        using ISimulation onnx = new OnnxBackend().Compile(onOnnx);
        onnx.Run(DurationMs);

        var expected = cpu.GetSpikes(cpuSpikes);
        Assert.True(expected.Count >= 10, $"only {expected.Count} spikes: the population is too quiet to test thresholds and resets");
        SimulationHelpers.AssertSameSpikes(expected, onnx.GetSpikes(onnxSpikes));
        SimulationHelpers.AssertSameStates(cpu.GetState(cpuMembrane), onnx.GetState(onnxMembrane));
    }
}
