using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Backends.Onnx;

/// <summary>
/// Runs a network through its ONNX export on Microsoft.ML.OnnxRuntime (CPU execution provider),
/// so the same harness that drives the CPU engine checks the deployed model. Compiling exports the
/// network in the time-loop shape (exact form by default) with the monitored populations as outputs; each
/// <see cref="ISimulation.Run"/> feeds the spike sources' trains for its steps as the input tensor
/// (batch 1) and carries the model's state over to the next call.
/// Supported: the models and features of <see cref="OnnxExporter"/>; input populations must be
/// <see cref="SpikeSourcePopulation"/>s (a Poisson source draws its spikes inside an engine, not
/// from the input tensor); spike and rate monitors on any population; state monitors of the
/// variables the model carries (V, SynE, SynI for the LIF models; V, U for Izhikevich); reading
/// weights. Not supported (<see cref="NotSupportedException"/>): weight monitors, changing weights,
/// neuromodulators, checkpoints.
/// </summary>
public sealed class OnnxBackend : IBackend
{
    /// <summary>Threads ONNX Runtime may use inside one operator, ≥ 1. Default 1.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>The exported form: <see cref="OnnxModelForm.Exact"/> (default: the CPU engine's
    /// numbers bit for bit) or <see cref="OnnxModelForm.Fast"/> (the deployment form).</summary>
    public OnnxModelForm Form { get; init; } = OnnxModelForm.Exact;

    /// <summary>The stored precision of the synaptic weights: <see cref="OnnxWeightPrecision.Float32"/>
    /// (default) or <see cref="OnnxWeightPrecision.Float16"/> (fast form only; computed in float32).</summary>
    public OnnxWeightPrecision WeightPrecision { get; init; } = OnnxWeightPrecision.Float32;

    /// <summary>What the fast form is laid out for: <see cref="OnnxPerformanceHint.Throughput"/>
    /// (default) or <see cref="OnnxPerformanceHint.Latency"/> (fast form only; the backend runs batch 1).</summary>
    public OnnxPerformanceHint PerformanceHint { get; init; } = OnnxPerformanceHint.Throughput;

    /// <summary>Where ONNX Runtime runs the model. Default <see cref="OnnxExecutionProvider.Cpu"/>.</summary>
    public OnnxExecutionProvider ExecutionProvider { get; init; } = OnnxExecutionProvider.Cpu;

    /// <inheritdoc />
    public string Name => "onnx";

    /// <inheritdoc />
    public SimulationCapabilities Capabilities => SimulationCapabilities.WeightReading;

    /// <inheritdoc />
    public ISimulation Compile(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (IntraOpThreads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(IntraOpThreads), IntraOpThreads, $"IntraOpThreads = {IntraOpThreads} must be at least 1.");
        }
        foreach (var population in network.Populations)
        {
            if (population.SynapseKind == SynapseKind.None && population is not SpikeSourcePopulation)
            {
                throw new NotSupportedException(
                    $"Population '{population.Name}' ({population.ModelName}) draws its spikes inside an engine; the ONNX backend feeds inputs " +
                    "from SpikeSourcePopulations only (export the model with OnnxExporter and feed its input tensor yourself).");
            }
        }
        if (network.WeightMonitors.Count > 0)
        {
            throw new NotSupportedException(
                $"Weight monitor of projection {network.WeightMonitors[0].Projection.Name}: the ONNX backend has static weights and records none.");
        }
        var states = new List<OnnxStateOutput>();
        var outputs = new List<Population>();
        foreach (var monitor in network.Monitors)
        {
            if (monitor is StateMonitor state)
            {
                if (state.Population.SynapseKind == SynapseKind.None)
                {
                    throw new NotSupportedException($"State monitor on '{state.Population.Name}': an input source has no state.");
                }
                states.Add(new OnnxStateOutput(state.Population, state.Variable));
            }
            else if (monitor.Population.SynapseKind != SynapseKind.None)
            {
                outputs.Add(monitor.Population);
            }
        }
        var options = new OnnxExportOptions
        {
            Form = Form,
            WeightPrecision = WeightPrecision,
            PerformanceHint = PerformanceHint,
            OutputPopulations = outputs.Distinct().ToList(),
            StateOutputs = states.Distinct().ToList(),
            Description = "Compiled by Snn's OnnxBackend.",
        };
        var model = OnnxExporter.Build(network, options);
        return new OnnxSimulation(network, model, OnnxSessions.Open(model.Bytes, ExecutionProvider, IntraOpThreads));
    }
}
