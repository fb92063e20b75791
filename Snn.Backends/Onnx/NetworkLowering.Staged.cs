using Snn.Backends.Onnx.Proto;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Onnx;

/// <summary>
/// The fast form's time loop, in stages: the model populations are split into the strongly
/// connected parts of the projection graph (a feed-forward layer is a stage of its own, a
/// recurrent group one stage), taken in feed-forward order. Each stage is one
/// Scan over the steps that holds only its populations' neuron updates and the synapses between
/// them; everything it receives from the input tensor and from earlier stages is known for all
/// steps before its Scan starts, so it is computed outside the loop: one matrix product over a
/// stack of time-shifted spike series, or one delivery of the series' spikes
/// (NetworkLowering.Events.cs). A stage with sparse synapses between its neurons delivers its own
/// spikes, and the sparse projections it receives, into a pending-input ring carried by its loop. The last steps of every series that a later stage reads
/// outside a loop are carried as a state (<c>state_input_tail</c>,
/// <c>state_tail_&lt;population&gt;</c>), and the rings as <c>state_pending_&lt;population&gt;</c>,
/// so a run continued in chunks gives the spikes of one long run.
/// </summary>
internal sealed partial class NetworkLowering
{
    private const string InputTail = "state_input_tail";
    private const int InputSeries = 0;
    private readonly List<List<PopulationLowering>> _stages = [];
    private readonly Dictionary<Population, int> _historyOffset = [];
    private readonly Dictionary<int, (IReadOnlyList<int> Delays, int Width)> _stacks = [];
    private readonly Dictionary<Population, int> _slotAt = [];
    private readonly Dictionary<int, int> _historyState = [];
    private readonly Dictionary<int, int> _tailState = [];
    private int[] _stageDelay = [];

    /// <summary>Splits the model populations into stages and lays out every receiving group's
    /// synapses: hoisted from the input series and earlier stages' series, in the loop from the
    /// stage's own history.</summary>
    private void PlanStages()
    {
        var index = new Dictionary<Population, int>();
        for (int i = 0; i < _lowerings.Count; i++)
        {
            index[_lowerings[i].Population] = i;
        }
        var edges = _lowerings.Select(_ => new List<int>()).ToArray();
        for (int j = 0; j < _tables.Length; j++)
        {
            var projection = _network.Projections[j];
            if (_tables[j].Count > 0 && index.TryGetValue(projection.Source, out int from) && index.TryGetValue(projection.Target, out int to))
            {
                edges[from].Add(to);
            }
        }
        var stageOf = new Dictionary<Population, int>();
        foreach (var component in FeedForwardOrder(edges))
        {
            var stage = component.Order().Select(i => _lowerings[i]).ToList();
            int offset = 0;
            foreach (var lowering in stage)
            {
                stageOf[lowering.Population] = _stages.Count;
                _historyOffset[lowering.Population] = offset;
                offset += lowering.Population.Size;
            }
            _stages.Add(stage);
        }
        var inputColumns = new Dictionary<Population, int>();
        int width = 0;
        foreach (var population in _inputs)
        {
            inputColumns[population] = width;
            width += population.Size;
        }
        var delays = new Dictionary<int, SortedSet<int>>();
        _stageDelay = new int[_stages.Count];
        for (int s = 0; s < _stages.Count; s++)
        {
            int stride = _stages[s].Sum(l => l.Population.Size);
            SourcePlace Place(Population source) => inputColumns.TryGetValue(source, out int column) ? new SourcePlace(InputSeries, column)
                : stageOf[source] == s ? SourcePlace.History(_historyOffset[source])
                : new SourcePlace(1 + index[source], 0);
            foreach (var lowering in _stages[s])
            {
                foreach (var receptor in (Receptor[])[Receptor.Excitatory, Receptor.Inhibitory])
                {
                    var input = FastSynapticInput.Build(lowering.Population, receptor, _network.Projections, _tables, p => Place(p.Source), stride);
                    _fastInputs[(lowering.Population, receptor)] = input;
                    _stageDelay[s] = Math.Max(_stageDelay[s], input.LoopDelay);
                }
            }
        }
        int WidthOf(int series) => series == InputSeries ? width : _lowerings[series - 1].Population.Size;
        for (int s = 0; s < _stages.Count; s++)
        {
            PlanStageEvents(s, WidthOf);
        }
        foreach (var input in _fastInputs.Values)
        {
            foreach (int series in input.HoistedSeries)
            {
                if (!delays.TryGetValue(series, out var set))
                {
                    delays[series] = set = [];
                }
                set.UnionWith(input.HoistedDelaysOf(series));
            }
        }
        foreach (var (series, set) in delays)
        {
            _stacks[series] = ([.. set], WidthOf(series));
        }
        foreach (var input in _fastInputs.Values)
        {
            input.ResolveHoisted(_stacks);
        }
    }

    /// <summary>The strongly connected components of the graph <paramref name="edges"/>, sources
    /// first (Tarjan's algorithm emits a component after every component it reaches).</summary>
    private static List<List<int>> FeedForwardOrder(List<int>[] edges)
    {
        int n = edges.Length;
        var order = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        int counter = 0;
        for (int v = 0; v < n; v++)
        {
            if (order[v] < 0)
            {
                Visit(v);
            }
        }
        components.Reverse();
        return components;

        void Visit(int v)
        {
            order[v] = low[v] = counter++;
            stack.Push(v);
            onStack[v] = true;
            foreach (int w in edges[v])
            {
                if (order[w] < 0)
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack[w])
                {
                    low[v] = Math.Min(low[v], order[w]);
                }
            }
            if (low[v] == order[v])
            {
                var component = new List<int>();
                int w;
                do
                {
                    w = stack.Pop();
                    onStack[w] = false;
                    component.Add(w);
                }
                while (w != v);
                components.Add(component);
            }
        }
    }

    /// <summary>After the neuron states: one spike history per stage with recurrent delays, then
    /// the tail of every stacked series.</summary>
    private void AddStageStates()
    {
        int at = 0;
        foreach (var lowering in _lowerings)
        {
            _slotAt[lowering.Population] = at;
            at += lowering.Slots.Count;
        }
        for (int s = 0; s < _stages.Count; s++)
        {
            if (_stageEvents.TryGetValue(s, out var events))
            {
                _pendingState[s] = _states.Count;
                AddZeroState($"state_pending_{_identifiers[_stages[s][0].Population]}", checked(_stageDelay[s] * events.Width));
            }
            else if (_stageDelay[s] > 0)
            {
                _historyState[s] = _states.Count;
                AddZeroState($"state_spike_history_{_identifiers[_stages[s][0].Population]}", checked(_stageDelay[s] * _stages[s].Sum(l => l.Population.Size)));
            }
        }
        foreach (var (series, (delays, width)) in _stacks.OrderBy(s => s.Key))
        {
            _tailState[series] = _states.Count;
            AddZeroState(series == InputSeries ? InputTail : $"state_tail_{_identifiers[_lowerings[series - 1].Population]}", checked(delays[^1] * width));
        }
    }

    private OnnxModel BuildStagedTimeLoop()
    {
        var main = new GraphProto { Name = "snn_time_loop" };
        var outer = new GraphBuilder(_names);
        int inputWidth = _inputs.Sum(p => p.Size);
        main.Input.Add(GraphBuilder.ValueInfo("spikes_in", TensorProto.Types.DataType.Float, Steps, Batch, inputWidth));
        string[] initial = StateInputs(outer, main, 1);
        var final = new string[_states.Count];
        var series = new Dictionary<int, string> { [InputSeries] = "spikes_in" };
        var stacks = new Dictionary<int, string>();
        var extendedOf = new Dictionary<int, string>();
        var convInputs = new Dictionary<int, string>();
        var run = new RunIndices(outer);
        var spikeSeries = new Dictionary<Population, string>();
        var stateSeries = new Dictionary<(Population, StateVariable), string>();
        int column = 0;
        foreach (var population in _inputs)
        {
            if (SpikesRead(population))
            {
                spikeSeries[population] = outer.Op("Slice", "spikes_in", outer.Int64s(column), outer.Int64s(column + population.Size), outer.Int64s(2));
            }
            column += population.Size;
        }
        for (int s = 0; s < _stages.Count; s++)
        {
            var hoisted = new List<((Population, Receptor) Key, string Value)>();
            foreach (var lowering in _stages[s])
            {
                foreach (var receptor in (Receptor[])[Receptor.Excitatory, Receptor.Inhibitory])
                {
                    var input = _fastInputs[(lowering.Population, receptor)];
                    if (input.Hoisted.Count > 0)
                    {
                        hoisted.Add(((lowering.Population, receptor), HoistedValue(outer, input, Stack, ConvInput, Extended, run)));
                    }
                }
            }
            EmitStageScan(outer, s, initial, final, hoisted, spikeSeries, stateSeries, run);
            foreach (var lowering in _stages[s])
            {
                if (spikeSeries.TryGetValue(lowering.Population, out string? spikes))
                {
                    series[1 + _lowerings.IndexOf(lowering)] = spikes;
                }
            }
        }
        var stepOutputs = StepOutputs();
        var values = new List<string>();
        foreach (var population in _outputPopulations)
        {
            values.Add(spikeSeries[population]);
        }
        foreach (var request in _stateOutputs)
        {
            values.Add(stateSeries[(request.Population, request.Variable)]);
        }
        if (_options.Readout is { } readout)
        {
            string signal = readout.Signal == OnnxReadoutSignal.Spikes ? spikeSeries[readout.Source] : stateSeries[(readout.Source, StateVariable.V)];
            values.Add(ReadoutOf(outer, readout, signal));
        }
        if (_options.Classifier is { } classifier)
        {
            values.Add(classifier.Signal == OnnxReadoutSignal.Spikes ? spikeSeries[classifier.Source] : stateSeries[(classifier.Source, StateVariable.V)]);
        }
        for (int o = 0; o < stepOutputs.Count; o++)
        {
            outer.OpInto("Identity", [values[o]], [stepOutputs[o].Name]);
            if (stepOutputs[o].Name != ClassifierSignal)
            {
                main.Output.Add(GraphBuilder.ValueInfo(stepOutputs[o].Name, TensorProto.Types.DataType.Float, Steps, Batch, stepOutputs[o].Width));
            }
        }
        AddClassifier(outer, main);
        var finalNames = _states.Select(s => $"next_{s.Name}").ToArray();
        for (int s = 0; s < _states.Count; s++)
        {
            outer.OpInto("Identity", [final[s]], [finalNames[s]]);
            main.Output.Add(GraphBuilder.ValueInfo(finalNames[s], _states[s].Type, Batch, _states[s].Width));
        }
        main.Node.AddRange(outer.Nodes);
        main.Initializer.AddRange(outer.Initializers);
        return Finish(main, finalNames);

        // The series after its carried tail, [depth + steps, batch, width], built once; its last depth steps become the final tail state.
        string Extended(int index)
        {
            if (extendedOf.TryGetValue(index, out string? built))
            {
                return built;
            }
            var (delays, width) = _stacks[index];
            int depth = delays[^1];
            int tailState = _tailState[index];
            string tailSteps = outer.OpWith("Transpose", [outer.Op("Reshape", initial[tailState], outer.Int64s(0, depth, width))], [Perm(1, 0, 2)]);
            string extended = outer.OpWith("Concat", [tailSteps, series[index]], [GraphBuilder.IntAttribute("axis", 0)]);
            string last = outer.Op("Slice", extended, outer.Int64s(-depth), outer.Int64s(long.MaxValue), outer.Int64s(0));
            final[tailState] = outer.Op("Reshape", outer.OpWith("Transpose", [last], [Perm(1, 0, 2)]), outer.Int64s(0, (long)depth * width));
            extendedOf[index] = extended;
            return extended;
        }

        // The shifted stack of a series, [steps, batch, delays·width], built once.
        string Stack(int index)
        {
            if (!stacks.TryGetValue(index, out string? stack))
            {
                var delays = _stacks[index].Delays;
                string extended = Extended(index);
                var shifted = delays.Select(d => outer.Op("Slice", extended, outer.Int64s(delays[^1] - d), outer.Int64s(-d), outer.Int64s(0))).ToArray();
                stacks[index] = stack = shifted.Length == 1 ? shifted[0] : outer.OpWith("Concat", shifted, [GraphBuilder.IntAttribute("axis", 2)]);
            }
            return stack;
        }

        // The extended series as a convolution input, [batch, width, depth + steps], built once.
        string ConvInput(int index)
        {
            if (!convInputs.TryGetValue(index, out string? input))
            {
                convInputs[index] = input = outer.OpWith("Transpose", [Extended(index)], [Perm(1, 2, 0)]);
            }
            return input;
        }
    }

    /// <summary>A group's input for all steps, [steps, batch, size]: the sum over the series it
    /// reads. A full matrix over a series stacked at several delays is a causal convolution over
    /// time (kernel [size, width, depth], tap depth − d for delay d), which ONNX Runtime computes
    /// without materialising the stack; a matrix over one delay is a product with the stack; lists
    /// are delivered by the series' spikes (<see cref="DeliveredOverRun"/>).</summary>
    private string HoistedValue(GraphBuilder graph, FastSynapticInput input, Func<int, string> stackOf, Func<int, string> convInputOf, Func<int, string> extendedOf, RunIndices run)
    {
        string? sum = null;
        foreach (var part in input.Hoisted)
        {
            var (delays, width) = _stacks[part.Series];
            string value;
            int size = input.Target.Size;
            if (part.Events is { } events)
            {
                value = DeliveredOverRun(graph, extendedOf(part.Series), events, delays[^1], size, run);
            }
            else if (delays.Count > 1)
            {
                int depth = delays[^1];
                var kernel = new float[checked((long)size * width * depth)];
                var weights = part.Dense!.Weights;
                for (int slot = 0; slot < delays.Count; slot++)
                {
                    int tap = depth - delays[slot];
                    for (int column = 0; column < width; column++)
                    {
                        long row = ((long)slot * width + column) * size;
                        for (int target = 0; target < size; target++)
                        {
                            kernel[((long)target * width + column) * depth + tap] = weights[row + target];
                        }
                    }
                }
                string convolved = graph.Op("Conv", convInputOf(part.Series), Weights(graph, kernel, [size, width, depth]));
                string steps = graph.Op("Slice", convolved, graph.Int64s(0), graph.Int64s(-1), graph.Int64s(2));
                value = graph.OpWith("Transpose", [steps], [Perm(2, 0, 1)]);
            }
            else
            {
                var dense = part.Dense!;
                value = graph.Op("MatMul", stackOf(part.Series), Weights(graph, dense.Weights, [dense.Rows.Length, size]));
            }
            sum = sum is null ? value : graph.Add(sum, value);
        }
        return sum!;
    }

    /// <summary>One stage's Scan: its neuron states (and recurrent history) carried, its hoisted
    /// inputs scanned, its spike and state series emitted where anything reads them. A
    /// <see cref="DiscreteLif"/> bias-onset countdown is not carried: the bias of every step is
    /// scanned and the countdown's end computed before the loop, and where the population's inputs
    /// are all computed before the loop too, they are added to the bias there (<see cref="DriveBeforeLoop"/>).</summary>
    private void EmitStageScan(GraphBuilder outer, int s, string[] initial, string[] final, List<((Population, Receptor) Key, string Value)> hoisted,
        Dictionary<Population, string> spikeSeries, Dictionary<(Population, StateVariable), string> stateSeries, RunIndices run)
    {
        var stage = _stages[s];
        var countdowns = stage.OfType<DiscreteLifLowering>().Where(l => l.CountsDown).ToList();
        var countdownSlots = countdowns.Select(l => _slotAt[l.Population] + DiscreteLifLowering.WaitSlot).ToHashSet();
        var stateIndices = stage.SelectMany(l => Enumerable.Range(_slotAt[l.Population], l.Slots.Count)).Where(i => !countdownSlots.Contains(i)).ToList();
        if (_historyState.TryGetValue(s, out int historyIndex))
        {
            stateIndices.Add(historyIndex);
        }
        if (_pendingState.TryGetValue(s, out int pendingIndex))
        {
            stateIndices.Add(pendingIndex);
        }
        var drives = new Dictionary<DiscreteLifLowering, string>();
        var inputsInDrive = new HashSet<Population>();
        foreach (var lowering in countdowns)
        {
            int waitIndex = _slotAt[lowering.Population] + DiscreteLifLowering.WaitSlot;
            var (bias, finalWait) = lowering.BiasOverRun(outer, initial[waitIndex], run.Steps);
            final[waitIndex] = finalWait;
            var (drive, takesInputs) = DriveBeforeLoop(outer, lowering.Population, bias, hoisted);
            drives[lowering] = drive;
            if (takesInputs)
            {
                inputsInDrive.Add(lowering.Population);
            }
        }
        hoisted = [.. hoisted.Where(h => !inputsInDrive.Contains(h.Key.Item1))];
        var body = new GraphBuilder(_names) { FoldAddedZero = true };
        var bodyGraph = new GraphProto { Name = $"snn_stage_{s}" };
        var carried = new Dictionary<int, string>();
        foreach (int index in stateIndices)
        {
            carried[index] = _names.Next("carried");
            bodyGraph.Input.Add(BodyState(carried[index], index, historyIndex));
        }
        var scanned = hoisted.Select(h => h.Value).ToList();
        var now = new Dictionary<(Population, Receptor), string>();
        foreach (var (key, _) in hoisted)
        {
            now[key] = _names.Next("hoisted_step");
            bodyGraph.Input.Add(GraphBuilder.ValueInfo(now[key], TensorProto.Types.DataType.Float, Batch, key.Item1.Size));
        }
        var eventInputs = new List<string>();
        foreach (int index in _stageEvents.TryGetValue(s, out var stageEvents) ? stageEvents.Series : [])
        {
            var source = index == InputSeries ? null : _lowerings[index - 1].Population;
            scanned.Add(source is null ? "spikes_in" : spikeSeries[source]);
            eventInputs.Add(_names.Next("event_step"));
            bodyGraph.Input.Add(GraphBuilder.ValueInfo(eventInputs[^1], TensorProto.Types.DataType.Float, Batch, source?.Size ?? _inputs.Sum(p => p.Size)));
        }
        var driveNow = new Dictionary<DiscreteLifLowering, string>();
        foreach (var (lowering, drive) in drives)
        {
            scanned.Add(drive);
            driveNow[lowering] = _names.Next("drive_step");
            bodyGraph.Input.Add(GraphBuilder.ValueInfo(driveNow[lowering], TensorProto.Types.DataType.Float, Batch, lowering.Population.Size));
        }
        if (scanned.Count == 0)
        {
            scanned.Add("spikes_in");
            bodyGraph.Input.Add(GraphBuilder.ValueInfo(_names.Next("step_spikes"), TensorProto.Types.DataType.Float, Batch, _inputs.Sum(p => p.Size)));
        }
        string? history = _historyState.ContainsKey(s) ? carried[historyIndex] : null;
        string? pending = _pendingState.ContainsKey(s) ? carried[pendingIndex] : null;
        var next = new Dictionary<int, string>();
        var fired = new List<string>();
        var emitted = new List<(string Value, TensorProto.Types.DataType Type, int Width, Action<string> Keep)>();
        foreach (var lowering in stage)
        {
            var population = lowering.Population;
            string Input(Receptor receptor)
            {
                if (inputsInDrive.Contains(population))
                {
                    return body.Scalar(0f);
                }
                var input = _fastInputs[(population, receptor)];
                string? hoistedNow = now.GetValueOrDefault((population, receptor));
                if (!input.LoopEvents)
                {
                    return StageArriving(body, history, input, hoistedNow);
                }
                string arriving = ArrivingFromPending(body, s, pending!, input);
                return hoistedNow is null ? arriving : body.Add(hoistedNow, arriving);
            }
            string excitatory = Input(Receptor.Excitatory);
            string inhibitory = Input(Receptor.Inhibitory);
            int at = _slotAt[population];
            var (updated, spikes) = lowering is DiscreteLifLowering discrete && driveNow.TryGetValue(discrete, out string? drive)
                ? discrete.StepWithBias(body, carried[at], excitatory, inhibitory, drive)
                : lowering.Step(body, [.. Enumerable.Range(at, lowering.Slots.Count).Select(i => carried[i])], excitatory, inhibitory);
            for (int k = 0; k < updated.Length; k++)
            {
                next[at + k] = updated[k];
            }
            fired.Add(spikes);
            if (SpikesRead(population))
            {
                emitted.Add((spikes, TensorProto.Types.DataType.Float, population.Size, name => spikeSeries[population] = name));
            }
            foreach (var variable in StatesRead(population))
            {
                emitted.Add((updated[lowering.SlotOf(variable)], TensorProto.Types.DataType.Float, population.Size, name => stateSeries[(population, variable)] = name));
            }
        }
        if (history is not null)
        {
            int delay = _stageDelay[s];
            string all = body.OpWith("Transpose", [fired.Count == 1 ? fired[0] : body.OpWith("Concat", [.. fired], [GraphBuilder.IntAttribute("axis", 1)])], [Perm(1, 0)]);
            int stride = stage.Sum(l => l.Population.Size);
            next[historyIndex] = delay == 1 ? all
                : body.OpWith("Concat", [all, body.Op("Slice", history, body.Int64s(0), body.Int64s((long)(delay - 1) * stride), body.Int64s(0))],
                    [GraphBuilder.IntAttribute("axis", 0)]);
        }
        if (pending is not null)
        {
            var batchTables = _options.PerformanceHint == OnnxPerformanceHint.Latency ? BatchTables(outer, s, run) : null;
            next[pendingIndex] = NextPending(body, s, pending, [.. eventInputs, .. _stageEvents[s].Own.Select(p => fired[p])], batchTables);
        }
        var produced = body.Nodes.SelectMany(n => n.Output).ToHashSet();
        var used = new HashSet<string>();
        string Output(string value)
        {
            if (produced.Contains(value) && used.Add(value))
            {
                return value;
            }
            string name = _names.Next("emitted");
            body.OpInto("Identity", [value], [name]);
            return name;
        }
        foreach (int index in stateIndices)
        {
            bodyGraph.Output.Add(BodyState(Output(next[index]), index, historyIndex));
        }
        foreach (var (value, type, width, _) in emitted)
        {
            bodyGraph.Output.Add(GraphBuilder.ValueInfo(Output(value), type, Batch, width));
        }
        DeadNodes.Fill(bodyGraph, body);
        var finalStates = stateIndices.Select(_ => _names.Next("stage_state")).ToArray();
        var series = emitted.Select(_ => _names.Next("stage_series")).ToArray();
        bool IsHistory(int index) => index == historyIndex && history is not null;
        outer.OpInto("Scan", [.. stateIndices.Select(i => IsHistory(i) ? outer.OpWith("Transpose", [initial[i]], [Perm(1, 0)]) : initial[i]), .. scanned], [.. finalStates, .. series],
            GraphBuilder.GraphAttribute("body", bodyGraph), GraphBuilder.IntAttribute("num_scan_inputs", scanned.Count));
        for (int k = 0; k < stateIndices.Count; k++)
        {
            final[stateIndices[k]] = IsHistory(stateIndices[k]) ? outer.OpWith("Transpose", [finalStates[k]], [Perm(1, 0)]) : finalStates[k];
        }
        for (int e = 0; e < emitted.Count; e++)
        {
            emitted[e].Keep(series[e]);
        }
    }

    /// <summary>A counting-down <see cref="DiscreteLif"/> population's drive of every step, [steps,
    /// batch, size]: its <paramref name="bias"/> over the run (<see cref="DiscreteLifLowering.BiasOverRun"/>)
    /// plus, where both receptors' inputs are computed entirely before the loop, those inputs from
    /// <paramref name="hoisted"/>, added as the step adds them ((excitatory + inhibitory) + bias), so
    /// the loop leaves out the additions; <c>TakesInputs</c> says whether it did, and the step then
    /// reads +0 for them.</summary>
    private (string Drive, bool TakesInputs) DriveBeforeLoop(GraphBuilder outer, Population population, string bias, List<((Population, Receptor) Key, string Value)> hoisted)
    {
        var inputs = hoisted.Where(h => h.Key.Item1 == population).OrderBy(h => h.Key.Item2 == Receptor.Excitatory ? 0 : 1).Select(h => h.Value).ToList();
        if (inputs.Count == 0 || HasLoopPart(_fastInputs[(population, Receptor.Excitatory)]) || HasLoopPart(_fastInputs[(population, Receptor.Inhibitory)]))
        {
            return (bias, false);
        }
        string sum = inputs.Count == 1 ? inputs[0] : outer.Add(inputs[0], inputs[1]);
        return (outer.Add(sum, bias), true);
    }

    /// <summary>Whether any of <paramref name="input"/>'s synapses are computed inside the loop.</summary>
    private static bool HasLoopPart(FastSynapticInput input) => input.LoopEvents || input.LoopDense is not null || input.LoopSparse is not null;

    /// <summary>The value description of a carried state inside a stage's body: the spike history
    /// is carried position-major, [D·N, batch], so that a gather of history positions copies a
    /// batch-wide block per position.</summary>
    private ValueInfoProto BodyState(string name, int index, int historyIndex)
        => _historyState.ContainsValue(index) && index == historyIndex
            ? GraphBuilder.ValueInfo(name, _states[index].Type, _states[index].Width, Batch)
            : GraphBuilder.ValueInfo(name, _states[index].Type, Batch, _states[index].Width);

    /// <summary>A stage population's input now, [batch, size]: the hoisted part of this step plus
    /// the recurrent part read from the position-major history, as a matrix product over the
    /// positions used or a gather-multiply-sum over the in-degree.</summary>
    private string StageArriving(GraphBuilder graph, string? history, FastSynapticInput input, string? hoistedNow)
    {
        string? recurrent = null;
        int size = input.Target.Size;
        if (input.LoopDense is { } dense && history is not null)
        {
            // Batch-major for the product, so that every batch entry is summed in the same order whatever the batch size.
            string gathered = graph.OpWith("Gather", [history, graph.Constant(GraphBuilder.TensorOf(dense.Rows, [dense.Rows.Length]))], [GraphBuilder.IntAttribute("axis", 0)]);
            recurrent = graph.Op("MatMul", graph.OpWith("Transpose", [gathered], [Perm(1, 0)]), Weights(graph, dense.Weights, [dense.Rows.Length, size]));
        }
        if (input.LoopSparse is { } sparse && history is not null)
        {
            string positions = graph.Constant(GraphBuilder.TensorOf(sparse.Positions, [sparse.Depth, size]));
            string weights = Weights(graph, sparse.Weights, [sparse.Depth, size, 1]);
            string gathered = graph.OpWith("Gather", [history, positions], [GraphBuilder.IntAttribute("axis", 0)]);
            string sum = graph.OpWith("Transpose", [graph.OpWith("ReduceSum", [graph.Mul(gathered, weights), graph.Int64s(0)], [GraphBuilder.IntAttribute("keepdims", 0)])], [Perm(1, 0)]);
            recurrent = recurrent is null ? sum : graph.Add(recurrent, sum);
        }
        return (recurrent, hoistedNow) switch
        {
            (null, null) => graph.Scalar(0f),
            (null, _) => hoistedNow,
            (_, null) => recurrent,
            _ => graph.Add(hoistedNow, recurrent),
        };
    }

    /// <summary>Whether anything after the loop reads the population's spike series.</summary>
    private bool SpikesRead(Population population)
        => _stacks.ContainsKey(1 + _lowerings.FindIndex(l => l.Population == population))
        || _seriesReadInLoops.Contains(1 + _lowerings.FindIndex(l => l.Population == population))
        || _outputPopulations.Contains(population)
        || (_options.Readout is { Signal: OnnxReadoutSignal.Spikes } readout && readout.Source == population)
        || (_options.Classifier is { Signal: OnnxReadoutSignal.Spikes } classifier && classifier.Source == population);

    /// <summary>The state variables of the population read after the loop.</summary>
    private IEnumerable<StateVariable> StatesRead(Population population)
    {
        var variables = _stateOutputs.Where(r => r.Population == population).Select(r => r.Variable).ToList();
        if ((_options.Readout is { Signal: OnnxReadoutSignal.Membrane } readout && readout.Source == population)
            || (_options.Classifier is { Signal: OnnxReadoutSignal.Membrane } classifier && classifier.Source == population))
        {
            variables.Add(StateVariable.V);
        }
        return variables.Distinct();
    }
}
