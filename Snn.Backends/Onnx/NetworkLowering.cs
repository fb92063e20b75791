using System.Globalization;
using System.Text;
using Snn.Backends.Onnx.Proto;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Onnx;

/// <summary>
/// Turns a network into an ONNX model. One step does what the CPU engine's step does: every model
/// population takes the synaptic input arriving now and updates; the step's spikes of all
/// populations (inputs from the input tensor) are pushed onto the history, [batch, D·N] for the
/// largest delay D, newest first, from where they arrive d steps later; with short-term plasticity
/// each history step also holds the factors of the spikes of projections that have it
/// (<see cref="ShortTermLowering"/>), read by those projections' synapses. The exact form gathers the
/// input from the history in the engine's summation order (<see cref="SynapticInput"/>); the fast
/// form uses one matrix product, gather-reduce or spike-driven scatter per receiving population
/// and receptor (<see cref="FastSynapticInput"/>), and its time-loop shape runs the network in
/// feed-forward stages, one loop each, with the input from the input tensor or an earlier stage
/// computed before the stage's loop or delivered into a ring carried by it (NetworkLowering.Staged.cs).
/// </summary>
internal sealed partial class NetworkLowering : IPopulationVisitor<PopulationLowering?>
{
    private const string Batch = "batch";
    private const string ClassifierSignal = "classifier_signal";
    private const string ClassScores = "class_scores";
    private const string PredictedClass = "predicted_class";
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
    private readonly Dictionary<(Population, Receptor), FastSynapticInput> _fastInputs = [];
    private SynapseTable[] _tables = [];
    private ShortTermLowering? _shortTerm;
    private int _shortTermAt;
    private int _historyStride;
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
        if (_options.WeightPrecision == OnnxWeightPrecision.Float16 && _options.Form == OnnxModelForm.Exact)
        {
            throw new NotSupportedException("The exact form reproduces the CPU engine's float32 weights bit for bit; float16 weights are a fast-form option (Form = OnnxModelForm.Fast).");
        }
        if (!Enum.IsDefined(_options.WeightPrecision))
        {
            throw new ArgumentOutOfRangeException(nameof(OnnxExportOptions.WeightPrecision), _options.WeightPrecision, $"WeightPrecision = {_options.WeightPrecision} is not Float32 or Float16.");
        }
        if (!Enum.IsDefined(_options.PerformanceHint))
        {
            throw new ArgumentOutOfRangeException(nameof(OnnxExportOptions.PerformanceHint), _options.PerformanceHint, $"PerformanceHint = {_options.PerformanceHint} is not Throughput or Latency.");
        }
        if (_options.PerformanceHint == OnnxPerformanceHint.Latency && _options.Form == OnnxModelForm.Exact)
        {
            throw new NotSupportedException("The exact form has one layout, the CPU engine's order of operations; PerformanceHint = Latency is a fast-form option (Form = OnnxModelForm.Fast).");
        }
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
        _shortTerm = ShortTermLowering.For(_network);
        _historyStride = _network.NeuronCount + (_shortTerm?.Channels ?? 0);
        bool staged = _options.Form == OnnxModelForm.Fast && _options.Shape == OnnxTimeShape.TimeLoop && _shortTerm is null;
        if (staged)
        {
            PlanStages();
        }
        else if (_options.Form == OnnxModelForm.Fast)
        {
            PlanFastInputs();
        }
        else
        {
            _maxDelay = _tables.Select(t => t.Count == 0 ? 0 : (int)t.DelaySteps.Max()).DefaultIfEmpty(0).Max();
        }
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
        if (staged)
        {
            AddStageStates();
            return BuildStagedTimeLoop();
        }
        _shortTermAt = _states.Count;
        if (_shortTerm is not null)
        {
            _states.AddRange(_shortTerm.States());
        }
        if (_maxDelay > 0)
        {
            AddZeroState("state_spike_history", checked(_maxDelay * _historyStride));
        }
        return _options.Shape == OnnxTimeShape.TimeLoop ? BuildTimeLoop() : BuildSingleStep();
    }

    /// <summary>Adds a float state of <paramref name="width"/> per batch entry, initially zero.</summary>
    private void AddZeroState(string name, int width)
        => _states.Add((name, TensorProto.Types.DataType.Float, width, GraphBuilder.TensorOf(new float[width], [1, width])));

    /// <summary>Lays out every receiving population's synapses for the fast form in one loop (the
    /// single-step shape, and the time loop of a network with short-term plasticity, whose factors
    /// depend on each source's spike history), all read from the spike history, and sizes the history.</summary>
    private void PlanFastInputs()
    {
        foreach (var lowering in _lowerings)
        {
            foreach (var receptor in (Receptor[])[Receptor.Excitatory, Receptor.Inhibitory])
            {
                var input = FastSynapticInput.Build(lowering.Population, receptor, _network.Projections, _tables, p => SourcePlace.History(HistoryColumn(p)), _historyStride);
                _fastInputs[(lowering.Population, receptor)] = input;
                _maxDelay = Math.Max(_maxDelay, input.LoopDelay);
            }
        }
    }

    /// <summary>The spike-history column of <paramref name="projection"/>'s source 0: the source
    /// population's first neuron, or its first short-term channel after all neurons.</summary>
    private int HistoryColumn(Projection projection)
        => projection.ShortTerm is null ? projection.Source.Offset : _network.NeuronCount + _shortTerm!.FirstChannel(projection);

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
        if (_options.Classifier is { } classifier)
        {
            CheckClassifier(classifier);
        }
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

    private void CheckClassifier(OnnxClassifier classifier)
    {
        const string parameter = nameof(OnnxExportOptions.Classifier);
        CheckOwned(classifier.Source, parameter);
        if (_options.Shape != OnnxTimeShape.TimeLoop)
        {
            throw new NotSupportedException("A classifier head aggregates over the run's steps and needs the time-loop shape; the single-step shape streams per-step outputs (use a Readout).");
        }
        if (classifier.Signal == OnnxReadoutSignal.Membrane && classifier.Source.SynapseKind == SynapseKind.None)
        {
            throw new ArgumentException($"Population '{classifier.Source.Name}' is an input source and has no membrane to read.", parameter);
        }
        if (classifier.Weights is null)
        {
            if (classifier.Bias is not null)
            {
                throw new ArgumentException("The classifier has a bias but no weights; give both, or neither for the identity map.", parameter);
            }
            return;
        }
        int size = classifier.Source.Size;
        if (classifier.Weights.Length == 0 || classifier.Weights.Length % size != 0
            || (classifier.Bias is { } bias && classifier.Weights.LongLength != (long)bias.Length * size))
        {
            throw new ArgumentException(
                $"The classifier has {classifier.Weights.Length} weights and {classifier.Bias?.Length.ToString(CultureInfo.InvariantCulture) ?? "no"} biases; " +
                $"it needs classes × {size} weights (one row per class) and one bias per class.", parameter);
        }
        foreach (float value in classifier.Weights.Concat(classifier.Bias ?? []))
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException($"The classifier has the non-finite weight or bias {value}; every value must be finite.", parameter);
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
        if (_options.Classifier is { } classifier)
        {
            outputs.Add((ClassifierSignal, classifier.Source.Size));
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
        int stride = _historyStride;
        string? history = _maxDelay > 0 ? state[^1] : null;
        var next = new string[state.Length];
        var spikesOf = new Dictionary<Population, string>();
        var slotsOf = new Dictionary<Population, string[]>();
        int at = 0;
        foreach (var lowering in _lowerings)
        {
            var population = lowering.Population;
            string excitatory = Arriving(graph, history, population, Receptor.Excitatory);
            string inhibitory = Arriving(graph, history, population, Receptor.Inhibitory);
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
        if (history is not null || _shortTerm is not null)
        {
            string all = graph.OpWith("Concat", _network.Populations.Select(p => spikesOf[p]).ToArray(), [GraphBuilder.IntAttribute("axis", 1)]);
            if (_shortTerm is not null)
            {
                var (shortTermState, channels) = _shortTerm.Step(graph, state[_shortTermAt..(_shortTermAt + _shortTerm.StateCount)], all);
                shortTermState.CopyTo(next, _shortTermAt);
                all = graph.OpWith("Concat", [all, channels], [GraphBuilder.IntAttribute("axis", 1)]);
            }
            if (history is not null)
            {
                next[^1] = _maxDelay == 1 ? all
                    : graph.OpWith("Concat", [all, graph.Op("Slice", history, graph.Int64s(0), graph.Int64s((long)(_maxDelay - 1) * stride), graph.Int64s(1))],
                        [GraphBuilder.IntAttribute("axis", 1)]);
            }
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
            outputs.Add(ReadoutOf(graph, readout, signal));
        }
        if (_options.Classifier is { } classifier)
        {
            outputs.Add(classifier.Signal == OnnxReadoutSignal.Spikes ? spikesOf[classifier.Source]
                : slotsOf[classifier.Source][_lowerings.First(l => l.Population == classifier.Source).SlotOf(StateVariable.V)]);
        }
        return (next, [.. outputs]);
    }

    /// <summary>A synaptic weight tensor as a float32 value: a float32 constant, or a float16
    /// constant cast to float32 under <see cref="OnnxWeightPrecision.Float16"/>.</summary>
    private string Weights(GraphBuilder graph, float[] values, long[] dims)
    {
        if (_options.WeightPrecision != OnnxWeightPrecision.Float16)
        {
            return graph.Constant(GraphBuilder.TensorOf(values, dims));
        }
        var halves = new Half[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (Math.Abs(values[i]) > (float)Half.MaxValue)
            {
                throw new ArgumentException(
                    $"A synaptic weight (summed over synapses with the same source, delay and target) is {values[i]}, outside float16's range ±{(float)Half.MaxValue}; export with WeightPrecision = Float32.",
                    nameof(OnnxExportOptions.WeightPrecision));
            }
            halves[i] = (Half)values[i];
        }
        return graph.Cast(graph.Constant(GraphBuilder.TensorOf(halves, dims)), TensorProto.Types.DataType.Float);
    }

    /// <summary>The linear readout of <paramref name="signal"/> ([..., size]): signal × Wᵀ + bias.</summary>
    private static string ReadoutOf(GraphBuilder graph, OnnxLinearReadout readout, string signal)
    {
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
        return graph.Add(graph.Op("MatMul", signal, weights), bias);
    }

    /// <summary>The synaptic input arriving now at <paramref name="population"/> through <paramref name="receptor"/>, [batch, size].</summary>
    private string Arriving(GraphBuilder graph, string? history, Population population, Receptor receptor)
        => _options.Form == OnnxModelForm.Fast
            ? FastArriving(graph, history, _fastInputs[(population, receptor)], null)
            : ExactArriving(graph, history, SynapticInput.Build(population, receptor, _network.Projections, _tables, HistoryColumn, _historyStride), population.Size);

    /// <summary>The fast form's input: the hoisted part of this step (if any) plus the in-loop part,
    /// a matrix product over the history positions used or a gather-multiply-reduce.</summary>
    private string FastArriving(GraphBuilder graph, string? history, FastSynapticInput input, string? hoistedNow)
    {
        var parts = new List<string>();
        if (hoistedNow is not null)
        {
            parts.Add(hoistedNow);
        }
        if (input.LoopDense is { } dense && history is not null)
        {
            string rows = graph.Constant(GraphBuilder.TensorOf(dense.Rows, [dense.Rows.Length]));
            string gathered = graph.OpWith("Gather", [history, rows], [GraphBuilder.IntAttribute("axis", 1)]);
            parts.Add(graph.Op("MatMul", gathered, Weights(graph, dense.Weights, [dense.Rows.Length, input.Target.Size])));
        }
        if (input.LoopSparse is { } sparse && history is not null)
        {
            string positions = graph.Constant(GraphBuilder.TensorOf(sparse.Positions, [sparse.Depth, input.Target.Size]));
            string weights = Weights(graph, sparse.Weights, [sparse.Depth, input.Target.Size]);
            string gathered = graph.OpWith("Gather", [history, positions], [GraphBuilder.IntAttribute("axis", 1)]);
            parts.Add(graph.OpWith("ReduceSum", [graph.Mul(gathered, weights), graph.Int64s(1)], [GraphBuilder.IntAttribute("keepdims", 0)]));
        }
        if (parts.Count == 0)
        {
            return graph.Scalar(0f);
        }
        string sum = parts[0];
        for (int k = 1; k < parts.Count; k++)
        {
            sum = graph.Add(sum, parts[k]);
        }
        return sum;
    }

    /// <summary>The exact form's input, [batch, size]: the history gathered at the
    /// synapses' positions, times their weights, summed term by term in the engine's order,
    /// starting from +0 as the engine's ring slot does.</summary>
    private static string ExactArriving(GraphBuilder graph, string? history, SparseSynapses input, int size)
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

    private static AttributeProto Perm(params long[] axes) => GraphBuilder.IntsAttribute("perm", axes);

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
        foreach (var (name, width) in stepOutputs.Where(o => o.Name != ClassifierSignal))
        {
            main.Output.Add(GraphBuilder.ValueInfo(name, TensorProto.Types.DataType.Float, Steps, Batch, width));
        }
        AddClassifier(outer, main);
        for (int s = 0; s < _states.Count; s++)
        {
            main.Output.Add(GraphBuilder.ValueInfo(finalStates[s], _states[s].Type, Batch, _states[s].Width));
        }
        main.Node.AddRange(outer.Nodes);
        main.Initializer.AddRange(outer.Initializers);
        return Finish(main, finalStates);
    }

    /// <summary>The classifier head after the loop: the signal aggregated over the steps, the
    /// optional linear map, and argmax.</summary>
    private void AddClassifier(GraphBuilder graph, GraphProto main)
    {
        if (_options.Classifier is not { } classifier)
        {
            return;
        }
        string signal = ClassifierSignal;
        string features = classifier.Aggregation switch
        {
            OnnxClassAggregation.Sum => graph.OpWith("ReduceSum", [signal, graph.Int64s(0)], [GraphBuilder.IntAttribute("keepdims", 0)]),
            OnnxClassAggregation.Max => graph.OpWith("ReduceMax", [signal], [Axes(0), GraphBuilder.IntAttribute("keepdims", 0)]),
            _ => graph.OpWith("ReduceSum", [graph.OpWith("Softmax", [signal], [GraphBuilder.IntAttribute("axis", 2)]), graph.Int64s(0)], [GraphBuilder.IntAttribute("keepdims", 0)]),
        };
        string scores = features;
        if (classifier.Weights is { } weights)
        {
            int size = classifier.Source.Size;
            int classes = classifier.Classes;
            var transposed = new float[weights.Length];
            for (int c = 0; c < classes; c++)
            {
                for (int i = 0; i < size; i++)
                {
                    transposed[(long)i * classes + c] = weights[(long)c * size + i];
                }
            }
            scores = graph.Op("MatMul", features, graph.Constant(GraphBuilder.TensorOf(transposed, [size, classes])));
            if (classifier.Bias is { } bias)
            {
                scores = graph.Add(scores, graph.Constant(GraphBuilder.TensorOf((float[])bias.Clone(), [classes])));
            }
        }
        graph.OpInto("Identity", [scores], [ClassScores]);
        graph.OpInto("ArgMax", [scores], [PredictedClass], GraphBuilder.IntAttribute("axis", 1), GraphBuilder.IntAttribute("keepdims", 0));
        main.Output.Add(GraphBuilder.ValueInfo(ClassScores, TensorProto.Types.DataType.Float, Batch, classifier.Classes));
        main.Output.Add(GraphBuilder.ValueInfo(PredictedClass, TensorProto.Types.DataType.Int64, Batch));
    }

    private static AttributeProto Axes(params long[] axes)
    {
        var attribute = new AttributeProto { Name = "axes", Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(axes);
        return attribute;
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
        var stepOutputs = StepOutputs().Where(o => o.Name != ClassifierSignal).ToList();
        var stateNames = _states.Select(s => s.Name).ToArray();
        var stateWidths = _states.Select(s => (s.Name, s.Width));
        string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, string>
        {
            ["snn.producer"] = $"Snn {version}",
            ["snn.opset"] = OnnxExporter.Opset.ToString(CultureInfo.InvariantCulture),
            ["snn.form"] = _options.Form == OnnxModelForm.Fast ? "fast" : "exact",
            ["snn.weight_precision"] = _options.WeightPrecision == OnnxWeightPrecision.Float16 ? "float16 (cast to float32 at load)" : "float32",
            ["snn.performance_hint"] = _options.PerformanceHint == OnnxPerformanceHint.Latency ? "latency" : "throughput",
            ["snn.shape"] = _options.Shape == OnnxTimeShape.TimeLoop ? "time-loop" : "single-step",
            ["snn.dt_ms"] = Invariant(_network.Dt),
            ["snn.seed"] = _network.Seed.ToString(CultureInfo.InvariantCulture),
            ["snn.units"] = "time ms; V mV; SynE/SynI pA (current-based) or nS (conductance-based); U model units; spikes 1 = fired in the step; refractory and bias-onset countdowns in steps",
            ["snn.timing"] = "step k integrates from k*dt to (k+1)*dt; a spike in step k has time (k+1)*dt; a synapse of delay d steps delivers it in step k+d",
            ["snn.populations"] = string.Join(";", _network.Populations.Select(p => $"{p.Name}:{p.Size}:{p.ModelName}")),
            ["snn.inputs"] = string.Join(";", _inputs.Select(p => $"{p.Name}:{p.Size}")),
            ["snn.outputs"] = string.Join(";", stepOutputs.Select(o => $"{o.Name}:{o.Width}")),
            ["snn.state"] = string.Join(";", stateWidths.Select(s => $"{s.Item1}:{s.Item2}")),
            ["snn.max_delay_steps"] = _tables.Select(t => t.Count == 0 ? 0 : (int)t.DelaySteps.Max()).DefaultIfEmpty(0).Max().ToString(CultureInfo.InvariantCulture),
        };
        if (_shortTerm is not null)
        {
            metadata["snn.short_term"] = $"Tsodyks-Markram (NEST tsodyks2_synapse) factors as extra spike-history columns after the {_network.NeuronCount} neurons: {_shortTerm.Describe()}";
        }
        if (_options.Form == OnnxModelForm.Fast)
        {
            metadata["snn.synaptic_inputs"] = string.Join("; ", SynapticLayouts());
        }
        if (_options.Classifier is not null)
        {
            metadata["snn.classifier"] = $"{ClassScores}:{_options.Classifier.Classes};{PredictedClass}";
        }
        foreach (var (key, value) in metadata)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }
        var spikeOutputs = _outputPopulations.ToDictionary(p => p, p => $"spikes_{_identifiers[p]}");
        var stateOutputNames = _stateOutputs.ToDictionary(r => (r.Population, r.Variable), r => $"{r.Variable}_{_identifiers[r.Population]}");
        var layout = new OnnxModelLayout(_options.Form, _options.Shape, _network.Dt, [.. _inputs], spikeOutputs, stateOutputNames,
            _options.Readout is null ? null : "readout", [.. stepOutputs.Select(o => o.Name)], stateNames, stateOutputs,
            _options.Classifier is null ? null : ClassScores, _options.Classifier is null ? null : PredictedClass, SynapticLayouts());
        return new OnnxModel(model, layout);
    }

    /// <summary>The fast form's choice per receiving population and receptor (empty for the exact form).</summary>
    private string[] SynapticLayouts()
        => [.. _fastInputs.Values.Where(i => i.Synapses > 0).Select(i => i.Describe())];
}
