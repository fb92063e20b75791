using System.Globalization;
using System.Text;
using Snn.Backends.Onnx.Proto;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Onnx;

/// <summary>
/// Turns a network into an ONNX model. One step does what the CPU engine's step does: every model
/// population takes the synaptic input arriving now (gathered from the spike history in the
/// engine's summation order, see <see cref="SynapticInput"/>) and updates; the step's spikes of
/// all populations (inputs from the input tensor) are pushed onto the history, [batch, D·N] for the
/// largest delay D, newest first, from where they arrive d steps later.
/// </summary>
internal sealed class NetworkLowering : IPopulationVisitor<PopulationLowering?>
{
    private const string Batch = "batch";
    private const string Steps = "steps";
    private readonly Network _network;
    private readonly OnnxExportOptions _options;
    private readonly NameSource _names = new();
    private readonly List<Population> _inputs = [];
    private readonly List<PopulationLowering> _lowerings = [];
    private readonly Dictionary<Population, string> _identifiers = [];
    private readonly List<(string Name, TensorProto.Types.DataType Type, int Width, TensorProto Initial)> _states = [];
    private List<Population> _outputPopulations = [];
    private List<OnnxStateOutput> _stateOutputs = [];
    private SynapseTable[] _tables = [];
    private int _maxDelay;

    public NetworkLowering(Network network, OnnxExportOptions options)
    {
        _network = network;
        _options = options;
    }

    public PopulationLowering? Visit<TModel>(Population<TModel> population) where TModel : struct, INeuronModel<TModel>
    {
        if (population.SynapseKind == SynapseKind.None)
        {
            return null;
        }
        object boxed = population;
        return boxed switch
        {
            Population<LifCurrent> lif => new LifCurrentLowering(lif),
            Population<LifConductance> lif => new LifConductanceLowering(lif),
            Population<Izhikevich> izhikevich => new IzhikevichLowering(izhikevich),
            Population<DiscreteLif> discrete => new DiscreteLifLowering(discrete),
            _ => throw new NotSupportedException(
                $"Population '{population.Name}' uses the model '{population.ModelName}', which the ONNX export does not support " +
                "(supported: LifCurrent, LifConductance, Izhikevich, DiscreteLif; spike and Poisson sources become model inputs)."),
        };
    }

    public PopulationLowering? Visit(SpikeSourcePopulation population) => null;

    public OnnxModel Build()
    {
        _network.Seal();
        CheckSupported();
        foreach (var population in _network.Populations)
        {
            _identifiers[population] = Identifier(population);
            var lowering = population.Accept(this);
            if (lowering is null)
            {
                _inputs.Add(population);
            }
            else
            {
                _lowerings.Add(lowering);
            }
        }
        _tables = _network.Projections.Select(p => p.Instantiate()).ToArray();
        _maxDelay = _tables.Select(t => t.Count == 0 ? 0 : (int)t.DelaySteps.Max()).DefaultIfEmpty(0).Max();
        ChooseOutputs();
        foreach (var lowering in _lowerings)
        {
            foreach (var slot in lowering.Slots)
            {
                var initial = slot.InitialFloat is not null
                    ? GraphBuilder.TensorOf(slot.InitialFloat, [1, slot.InitialFloat.Length])
                    : GraphBuilder.TensorOf(slot.InitialInt!, [1, slot.InitialInt!.Length]);
                _states.Add(($"state_{_identifiers[lowering.Population]}_{slot.Suffix}", slot.Type, lowering.Population.Size, initial));
            }
        }
        if (_maxDelay > 0)
        {
            int width = checked(_maxDelay * _network.NeuronCount);
            _states.Add(("state_spike_history", TensorProto.Types.DataType.Float, width, GraphBuilder.TensorOf(new float[width], [1, width])));
        }
        return _options.Form == OnnxModelForm.TimeLoop ? BuildTimeLoop() : BuildSingleStep();
    }

    private void CheckSupported()
    {
        foreach (var projection in _network.Projections)
        {
            if (projection.Plasticity is { } plasticity)
            {
                throw new NotSupportedException(
                    $"Projection {projection.Name} has the plasticity rule '{plasticity.Rule.RuleName}'; the ONNX export needs static weights " +
                    "(rebuild the network without the rule, with the learned weights as explicit values).");
            }
        }
        foreach (var injection in _network.Injections)
        {
            throw new NotSupportedException(
                $"Population '{injection.Target.Name}' receives a current injection ({injection.Source.GetType().Name}); the ONNX export has no current inputs.");
        }
        foreach (var modulator in _network.Modulators)
        {
            throw new NotSupportedException($"The network has the neuromodulator '{modulator.Name}'; the ONNX export does not support neuromodulators.");
        }
        foreach (var drive in _network.PoissonDrives)
        {
            throw new NotSupportedException(
                $"Population '{drive.Target.Name}' receives a Poisson drive ({drive.RateHz} Hz); the ONNX export has no random inputs (give it a spike-source population instead).");
        }
    }

    private void ChooseOutputs()
    {
        var outputs = _options.OutputPopulations ?? _network.Populations.Where(p => p.SynapseKind != SynapseKind.None).ToList();
        foreach (var population in outputs)
        {
            CheckOwned(population, nameof(OnnxExportOptions.OutputPopulations));
        }
        _outputPopulations = outputs.Distinct().ToList();
        var states = new List<OnnxStateOutput>();
        if (_options.IncludeMembrane)
        {
            states.AddRange(_outputPopulations.Where(p => p.SynapseKind != SynapseKind.None).Select(p => new OnnxStateOutput(p, StateVariable.V)));
        }
        foreach (var request in _options.StateOutputs)
        {
            ArgumentNullException.ThrowIfNull(request, nameof(OnnxExportOptions.StateOutputs));
            CheckOwned(request.Population, nameof(OnnxExportOptions.StateOutputs));
            var lowering = _lowerings.FirstOrDefault(l => l.Population == request.Population)
                ?? throw new ArgumentException($"Population '{request.Population.Name}' is an input source and has no state to export.", nameof(OnnxExportOptions.StateOutputs));
            if (lowering.SlotOf(request.Variable) < 0)
            {
                throw new NotSupportedException($"Population '{request.Population.Name}' ({request.Population.ModelName}) does not carry {request.Variable}; it cannot be an output.");
            }
            states.Add(request);
        }
        _stateOutputs = states.Distinct().ToList();
        if (_options.Readout is { } readout)
        {
            ArgumentNullException.ThrowIfNull(readout.Weights, nameof(OnnxLinearReadout.Weights));
            ArgumentNullException.ThrowIfNull(readout.Bias, nameof(OnnxLinearReadout.Bias));
            CheckOwned(readout.Source, nameof(OnnxExportOptions.Readout));
            if (readout.Outputs < 1 || readout.Weights.LongLength != (long)readout.Outputs * readout.Source.Size)
            {
                throw new ArgumentException(
                    $"The readout has {readout.Weights.Length} weights and {readout.Outputs} biases; it needs at least one output and outputs × {readout.Source.Size} weights.",
                    nameof(OnnxExportOptions.Readout));
            }
            if (readout.Signal == OnnxReadoutSignal.Membrane && readout.Source.SynapseKind == SynapseKind.None)
            {
                throw new ArgumentException($"Population '{readout.Source.Name}' is an input source and has no membrane to read.", nameof(OnnxExportOptions.Readout));
            }
        }
    }

    private void CheckOwned(Population? population, string parameter)
    {
        ArgumentNullException.ThrowIfNull(population, parameter);
        if (!ReferenceEquals(population.Network, _network))
        {
            throw new ArgumentException($"Population '{population.Name}' belongs to another network.", parameter);
        }
    }

    /// <summary>The population's name reduced to C identifier characters, made unique.</summary>
    private string Identifier(Population population)
    {
        var text = new StringBuilder();
        foreach (char c in population.Name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        string name = text.ToString();
        return _identifiers.ContainsValue(name) ? $"{name}_{population.Index}" : name;
    }

    /// <summary>The names of the per-step outputs, in order, with what each holds.</summary>
    private List<(string Name, int Width)> StepOutputs()
    {
        var outputs = new List<(string, int)>();
        foreach (var population in _outputPopulations)
        {
            outputs.Add(($"spikes_{_identifiers[population]}", population.Size));
        }
        foreach (var request in _stateOutputs)
        {
            outputs.Add(($"{request.Variable}_{_identifiers[request.Population]}", request.Population.Size));
        }
        if (_options.Readout is { } readout)
        {
            outputs.Add(("readout", readout.Outputs));
        }
        return outputs;
    }

    /// <summary>Adds one network step to <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph being built.</param>
    /// <param name="state">The names of the current state tensors, in the order of <see cref="_states"/>.</param>
    /// <param name="spikes">The name of this step's input spikes, [batch, inputs].</param>
    /// <returns>The names of the new state tensors and of the step outputs (in <see cref="StepOutputs"/> order).</returns>
    private (string[] State, string[] Outputs) EmitStep(GraphBuilder graph, string[] state, string spikes)
    {
        int neurons = _network.NeuronCount;
        string? history = _maxDelay > 0 ? state[^1] : null;
        var next = new string[state.Length];
        var spikesOf = new Dictionary<Population, string>();
        var slotsOf = new Dictionary<Population, string[]>();
        int at = 0;
        foreach (var lowering in _lowerings)
        {
            var population = lowering.Population;
            string excitatory = Arriving(graph, history, SynapticInput.Build(population, Receptor.Excitatory, _network.Projections, _tables, neurons), population.Size);
            string inhibitory = Arriving(graph, history, SynapticInput.Build(population, Receptor.Inhibitory, _network.Projections, _tables, neurons), population.Size);
            int count = lowering.Slots.Count;
            var (updated, fired) = lowering.Step(graph, state[at..(at + count)], excitatory, inhibitory);
            updated.CopyTo(next, at);
            slotsOf[population] = updated;
            spikesOf[population] = fired;
            at += count;
        }
        int offset = 0;
        foreach (var population in _inputs)
        {
            spikesOf[population] = graph.Op("Slice", spikes, graph.Int64s(offset), graph.Int64s(offset + population.Size), graph.Int64s(1));
            offset += population.Size;
        }
        if (history is not null)
        {
            string all = graph.OpWith("Concat", _network.Populations.Select(p => spikesOf[p]).ToArray(), [GraphBuilder.IntAttribute("axis", 1)]);
            next[^1] = _maxDelay == 1 ? all
                : graph.OpWith("Concat", [all, graph.Op("Slice", history, graph.Int64s(0), graph.Int64s((long)(_maxDelay - 1) * neurons), graph.Int64s(1))],
                    [GraphBuilder.IntAttribute("axis", 1)]);
        }
        var outputs = new List<string>();
        foreach (var population in _outputPopulations)
        {
            outputs.Add(spikesOf[population]);
        }
        foreach (var request in _stateOutputs)
        {
            var lowering = _lowerings.First(l => l.Population == request.Population);
            outputs.Add(slotsOf[request.Population][lowering.SlotOf(request.Variable)]);
        }
        if (_options.Readout is { } readout)
        {
            string signal = readout.Signal == OnnxReadoutSignal.Spikes ? spikesOf[readout.Source]
                : slotsOf[readout.Source][_lowerings.First(l => l.Population == readout.Source).SlotOf(StateVariable.V)];
            var transposed = new float[readout.Weights.Length];
            int size = readout.Source.Size;
            for (int o = 0; o < readout.Outputs; o++)
            {
                for (int i = 0; i < size; i++)
                {
                    transposed[(long)i * readout.Outputs + o] = readout.Weights[(long)o * size + i];
                }
            }
            string weights = graph.Constant(GraphBuilder.TensorOf(transposed, [size, readout.Outputs]));
            string bias = graph.Constant(GraphBuilder.TensorOf((float[])readout.Bias.Clone(), [readout.Outputs]));
            outputs.Add(graph.Add(graph.Op("MatMul", signal, weights), bias));
        }
        return (next, [.. outputs]);
    }

    /// <summary>The synaptic input arriving now, [batch, size]: the history gathered at the
    /// synapses' positions, times their weights, summed term by term in the engine's order,
    /// starting from +0 as the engine's ring slot does.</summary>
    private static string Arriving(GraphBuilder graph, string? history, SynapticInput input, int size)
    {
        if (input.Depth == 0 || history is null)
        {
            return graph.Scalar(0f);
        }
        string positions = graph.Constant(GraphBuilder.TensorOf(input.Positions, [input.Depth, size]));
        string weights = graph.Constant(GraphBuilder.TensorOf(input.Weights, [input.Depth, size]));
        string gathered = graph.OpWith("Gather", [history, positions], [GraphBuilder.IntAttribute("axis", 1)]);
        string terms = graph.Mul(gathered, weights);
        string[] parts = input.Depth == 1 ? [terms] : graph.OpMany("Split", [terms], input.Depth, [GraphBuilder.IntAttribute("axis", 1)]);
        string sum = graph.Add(graph.Scalar(0f), parts[0]);
        for (int k = 1; k < parts.Length; k++)
        {
            sum = graph.Add(sum, parts[k]);
        }
        return graph.Op("Squeeze", sum, graph.Int64s(1));
    }

    /// <summary>Adds the optional state inputs (defaulting to the initial state) and expands each
    /// to [batch, width], with batch read from dimension <paramref name="batchAxis"/> of the input.</summary>
    private string[] StateInputs(GraphBuilder graph, GraphProto main, int batchAxis)
    {
        string batch = graph.Op("Slice", graph.Op("Shape", "spikes_in"), graph.Int64s(batchAxis), graph.Int64s(batchAxis + 1));
        var expanded = new string[_states.Count];
        for (int s = 0; s < _states.Count; s++)
        {
            var (name, type, width, initial) = _states[s];
            main.Input.Add(GraphBuilder.ValueInfo(name, type, Batch, width));
            initial.Name = name;
            main.Initializer.Add(initial);
            string shape = graph.OpWith("Concat", [batch, graph.Int64s(width)], [GraphBuilder.IntAttribute("axis", 0)]);
            expanded[s] = graph.Op("Expand", name, shape);
        }
        return expanded;
    }

    private OnnxModel BuildTimeLoop()
    {
        var main = new GraphProto { Name = "snn_time_loop" };
        var outer = new GraphBuilder(_names);
        main.Input.Add(GraphBuilder.ValueInfo("spikes_in", TensorProto.Types.DataType.Float, Steps, Batch, _inputs.Sum(p => p.Size)));
        string[] initial = StateInputs(outer, main, 1);

        var body = new GraphBuilder(_names);
        var bodyGraph = new GraphProto { Name = "snn_step" };
        var bodyState = new string[_states.Count];
        for (int s = 0; s < _states.Count; s++)
        {
            bodyState[s] = _names.Next("carried");
            bodyGraph.Input.Add(GraphBuilder.ValueInfo(bodyState[s], _states[s].Type, Batch, _states[s].Width));
        }
        string stepSpikes = _names.Next("step_spikes");
        bodyGraph.Input.Add(GraphBuilder.ValueInfo(stepSpikes, TensorProto.Types.DataType.Float, Batch, _inputs.Sum(p => p.Size)));
        var (next, outputs) = EmitStep(body, bodyState, stepSpikes);
        var stepOutputs = StepOutputs();
        for (int s = 0; s < _states.Count; s++)
        {
            string name = _names.Next("next");
            body.OpInto("Identity", [next[s]], [name]);
            bodyGraph.Output.Add(GraphBuilder.ValueInfo(name, _states[s].Type, Batch, _states[s].Width));
        }
        for (int o = 0; o < outputs.Length; o++)
        {
            string name = _names.Next("emitted");
            body.OpInto("Identity", [outputs[o]], [name]);
            bodyGraph.Output.Add(GraphBuilder.ValueInfo(name, TensorProto.Types.DataType.Float, Batch, stepOutputs[o].Width));
        }
        bodyGraph.Node.AddRange(body.Nodes);
        bodyGraph.Initializer.AddRange(body.Initializers);

        var finalStates = _states.Select(s => $"next_{s.Name}").ToArray();
        outer.OpInto("Scan", [.. initial, "spikes_in"], [.. finalStates, .. stepOutputs.Select(o => o.Name)],
            GraphBuilder.GraphAttribute("body", bodyGraph), GraphBuilder.IntAttribute("num_scan_inputs", 1));
        foreach (var (name, width) in stepOutputs)
        {
            main.Output.Add(GraphBuilder.ValueInfo(name, TensorProto.Types.DataType.Float, Steps, Batch, width));
        }
        for (int s = 0; s < _states.Count; s++)
        {
            main.Output.Add(GraphBuilder.ValueInfo(finalStates[s], _states[s].Type, Batch, _states[s].Width));
        }
        main.Node.AddRange(outer.Nodes);
        main.Initializer.AddRange(outer.Initializers);
        return Finish(main, finalStates);
    }

    private OnnxModel BuildSingleStep()
    {
        var main = new GraphProto { Name = "snn_step" };
        var graph = new GraphBuilder(_names);
        main.Input.Add(GraphBuilder.ValueInfo("spikes_in", TensorProto.Types.DataType.Float, Batch, _inputs.Sum(p => p.Size)));
        string[] state = StateInputs(graph, main, 0);
        var (next, outputs) = EmitStep(graph, state, "spikes_in");
        var stepOutputs = StepOutputs();
        for (int o = 0; o < outputs.Length; o++)
        {
            graph.OpInto("Identity", [outputs[o]], [stepOutputs[o].Name]);
            main.Output.Add(GraphBuilder.ValueInfo(stepOutputs[o].Name, TensorProto.Types.DataType.Float, Batch, stepOutputs[o].Width));
        }
        var nextStates = _states.Select(s => $"next_{s.Name}").ToArray();
        for (int s = 0; s < _states.Count; s++)
        {
            graph.OpInto("Identity", [next[s]], [nextStates[s]]);
            main.Output.Add(GraphBuilder.ValueInfo(nextStates[s], _states[s].Type, Batch, _states[s].Width));
        }
        main.Node.AddRange(graph.Nodes);
        main.Initializer.AddRange(graph.Initializers);
        return Finish(main, nextStates);
    }

    private OnnxModel Finish(GraphProto graph, string[] stateOutputs)
    {
        string version = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        var model = new ModelProto
        {
            IrVersion = OnnxExporter.IrVersion,
            ProducerName = "Snn",
            ProducerVersion = version,
            Domain = "org.snn",
            ModelVersion = 1,
            DocString = _options.Description ?? $"Spiking network exported by Snn {version}.",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxExporter.Opset });
        var stepOutputs = StepOutputs();
        string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, string>
        {
            ["snn.producer"] = $"Snn {version}",
            ["snn.opset"] = OnnxExporter.Opset.ToString(CultureInfo.InvariantCulture),
            ["snn.form"] = _options.Form == OnnxModelForm.TimeLoop ? "time-loop" : "single-step",
            ["snn.dt_ms"] = Invariant(_network.Dt),
            ["snn.seed"] = _network.Seed.ToString(CultureInfo.InvariantCulture),
            ["snn.units"] = "time ms; V mV; SynE/SynI pA (current-based) or nS (conductance-based); U model units; spikes 1 = fired in the step; refractory and bias-onset countdowns in steps",
            ["snn.timing"] = "step k integrates from k*dt to (k+1)*dt; a spike in step k has time (k+1)*dt; a synapse of delay d steps delivers it in step k+d",
            ["snn.populations"] = string.Join(";", _network.Populations.Select(p => $"{p.Name}:{p.Size}:{p.ModelName}")),
            ["snn.inputs"] = string.Join(";", _inputs.Select(p => $"{p.Name}:{p.Size}")),
            ["snn.outputs"] = string.Join(";", stepOutputs.Select(o => $"{o.Name}:{o.Width}")),
            ["snn.state"] = string.Join(";", _states.Select(s => $"{s.Name}:{s.Width}")),
            ["snn.max_delay_steps"] = _maxDelay.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in metadata)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }
        var spikeOutputs = _outputPopulations.ToDictionary(p => p, p => $"spikes_{_identifiers[p]}");
        var stateOutputNames = _stateOutputs.ToDictionary(r => (r.Population, r.Variable), r => $"{r.Variable}_{_identifiers[r.Population]}");
        var layout = new OnnxModelLayout(_options.Form, _network.Dt, [.. _inputs], spikeOutputs, stateOutputNames,
            _options.Readout is null ? null : "readout", [.. stepOutputs.Select(o => o.Name)], [.. _states.Select(s => s.Name)], stateOutputs);
        return new OnnxModel(model, layout);
    }
}
