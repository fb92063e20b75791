using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Validation;

namespace Snn.Core.Interop.Nir;

/// <summary>
/// Turns a NIR graph into a Snn network (see <see cref="NirGraph.ToNetwork"/>): flattens nested
/// graphs into one namespace (<c>graph.node</c>), gives every Input and neuron node a population,
/// multiplies the linear nodes between populations out into sparse synapses with delays, and
/// records the populations that feed Output nodes.
/// </summary>
internal sealed class NirImporter
{
    private readonly NirGraph _graph;
    private readonly NirImportOptions _options;
    private readonly List<string> _order = [];
    private readonly Dictionary<string, Flat> _flat = [];
    private readonly List<string> _sources = [];
    private readonly Dictionary<string, int> _sourceIndex = [];
    private readonly Dictionary<string, NirSignal> _signals = [];
    private readonly HashSet<string> _visiting = [];

    public NirImporter(NirGraph graph, NirImportOptions options)
    {
        _graph = graph;
        _options = options;
        Guard.InRange(options.Dt, double.Epsilon, 1000, "options.Dt");
        Guard.Positive(options.TimeUnitMs, "options.TimeUnitMs");
        Guard.Positive(options.SpikeArea, "options.SpikeArea");
    }

    public NirNetwork Build()
    {
        _graph.Validate();
        Flatten(_graph, "", topLevel: true);
        ClassifyAndSize();
        var network = new Network(_options.Seed, _options.Dt);
        var populations = new Dictionary<string, Population>();
        var inputs = new Dictionary<string, SpikeSourcePopulation>();
        var neuronInputs = new Dictionary<string, NirSignal>();
        foreach (string name in _sources)
        {
            var flat = _flat[name];
            if (flat.Kind == Kind.Neuron)
            {
                neuronInputs[name] = InputOf(name, flat.Shape);
            }
        }
        CheckInputNames();
        foreach (string name in _sources)
        {
            var flat = _flat[name];
            Population population;
            if (flat.Kind == Kind.Input)
            {
                var source = network.AddSpikeSource(name, InputTimes(name, NirSignal.SizeOf(flat.Shape)));
                inputs[name] = source;
                population = source;
            }
            else
            {
                population = network.AddPopulation(name, Neurons(name, neuronInputs[name].Constant));
            }
            populations[name] = population;
            if (flat.FusedThreshold is not null)
            {
                populations[flat.FusedThreshold] = population;
            }
        }
        foreach (string name in _sources)
        {
            if (neuronInputs.TryGetValue(name, out var signal))
            {
                Connect(network, populations, name, signal);
            }
        }
        var outputs = new Dictionary<string, NirOutput>();
        foreach (string name in _order)
        {
            var flat = _flat[name];
            if (flat.Kind == Kind.Output)
            {
                outputs[name] = Record(network, populations, name);
            }
        }
        return new NirNetwork(network, inputs, outputs, populations);
    }

    private enum Kind
    {
        Input,
        Output,
        Neuron,
        FusedThreshold,
        Linear,
    }

    private sealed class Flat(string name, NirNode node, bool topLevel)
    {
        public string Name { get; } = name;
        public NirNode Node { get; } = node;
        public bool TopLevel { get; } = topLevel;
        public List<string> Predecessors { get; } = [];
        public List<string> Successors { get; } = [];
        public Kind Kind { get; set; }
        public int[] Shape { get; set; } = [];
        public bool Spiking { get; set; }
        public string? FusedThreshold { get; set; }
        public string Describe() => NirPrimitives.Describe(Name, Node);
    }

    private void Flatten(NirGraph graph, string prefix, bool topLevel)
    {
        foreach (string name in graph.NodeNames)
        {
            var node = graph.Nodes[name];
            if (node.Graph is not null)
            {
                Flatten(node.Graph, prefix + name + ".", topLevel: false);
                continue;
            }
            string full = prefix + name;
            if (_flat.ContainsKey(full))
            {
                throw new InvalidDataException($"{NirPrimitives.Describe(full, node)}: the flattened name '{full}' is used twice (a node name contains '.').");
            }
            _flat[full] = new Flat(full, node, topLevel);
            _order.Add(full);
        }
        foreach (var edge in graph.Edges)
        {
            string source = Resolve(graph, prefix, edge.Source, output: true);
            string destination = Resolve(graph, prefix, edge.Destination, output: false);
            _flat[source].Successors.Add(destination);
            _flat[destination].Predecessors.Add(source);
        }
    }

    private static string Resolve(NirGraph graph, string prefix, string name, bool output)
    {
        if (graph.Nodes.TryGetValue(name, out var node))
        {
            if (node.Graph is null)
            {
                return prefix + name;
            }
            string type = output ? NirPrimitives.Output : NirPrimitives.Input;
            var ends = node.Graph.NodeNames.Where(n => node.Graph.Nodes[n].Type == type).ToList();
            if (ends.Count != 1)
            {
                throw new InvalidDataException($"{NirPrimitives.Describe(prefix + name, node)}: an edge names the nested graph itself, so it must have exactly one {type} node, but it has {ends.Count}; name one as '{name}.<node>'.");
            }
            return Resolve(node.Graph, prefix + name + ".", ends[0], output);
        }
        int dot = name.IndexOf('.');
        if (dot > 0 && graph.Nodes.TryGetValue(name[..dot], out var outer) && outer.Graph is not null)
        {
            return Resolve(outer.Graph, prefix + name[..(dot + 1)], name[(dot + 1)..], output);
        }
        throw new InvalidDataException($"An edge names the node '{prefix + name}', which does not exist.");
    }

    private void ClassifyAndSize()
    {
        foreach (string name in _order)
        {
            var flat = _flat[name];
            string type = flat.Node.Type;
            if (type == NirPrimitives.Input && flat.TopLevel)
            {
                flat.Kind = Kind.Input;
                flat.Shape = Integers(flat, "shape");
                flat.Spiking = true;
            }
            else if (type == NirPrimitives.Output && flat.TopLevel)
            {
                flat.Kind = Kind.Output;
            }
            else if (NirPrimitives.IsNeuron(type))
            {
                flat.Kind = Kind.Neuron;
                flat.Shape = NeuronShape(flat);
                flat.Spiking = NirPrimitives.Spikes(type);
            }
            else if (type == NirPrimitives.Threshold)
            {
                flat.Kind = Kind.FusedThreshold;
            }
            else
            {
                flat.Kind = Kind.Linear;
            }
        }
        foreach (string name in _order)
        {
            var flat = _flat[name];
            if (flat.Kind != Kind.FusedThreshold)
            {
                continue;
            }
            var neuron = flat.Predecessors.Count == 1 ? _flat[flat.Predecessors[0]] : null;
            if (neuron is null || neuron.Kind != Kind.Neuron || neuron.Spiking || neuron.Successors.Count != 1)
            {
                throw new NotSupportedException($"{flat.Describe()}: Snn runs a Threshold only as the sole consumer of one LI, I or CubaLI node (fused into a neuron that fires while v > threshold); here it has {flat.Predecessors.Count} input(s).");
            }
            int size = NirSignal.SizeOf(neuron.Shape);
            var threshold = flat.Node.Find("threshold")!;
            if (threshold.Count != size && threshold.Count != 1)
            {
                throw new InvalidDataException($"{flat.Describe()}: threshold has {threshold.Count} elements but '{neuron.Name}' has {size} neurons.");
            }
            neuron.FusedThreshold = name;
            neuron.Spiking = true;
            flat.Shape = neuron.Shape;
        }
        foreach (string name in _order)
        {
            var flat = _flat[name];
            if (flat.Kind is Kind.Input or Kind.Neuron)
            {
                _sourceIndex[name] = _sources.Count;
                _sources.Add(name);
            }
        }
    }

    private int[] NeuronShape(Flat flat)
    {
        NirTensor? widest = null;
        foreach (var tensor in flat.Node.Attributes.Values)
        {
            if (widest is null || tensor.Count > widest.Count)
            {
                widest = tensor;
            }
        }
        if (widest is null || widest.Count == 0)
        {
            throw new InvalidDataException($"{flat.Describe()} has no parameters.");
        }
        return widest.Shape.Count == 0 ? [1] : [.. widest.Shape];
    }

    private NirSignal InputOf(string name, int[] expectedShape)
    {
        var flat = _flat[name];
        NirSignal? sum = null;
        foreach (string predecessor in flat.Predecessors)
        {
            var signal = SignalOf(predecessor);
            if (sum is null)
            {
                sum = signal;
            }
            else if (signal.Size != sum.Size)
            {
                throw new InvalidDataException($"{flat.Describe()} receives {sum.Size} channels from one input and {signal.Size} from '{predecessor}'; inputs that add must have the same size.");
            }
            else
            {
                sum = sum.Plus(signal);
            }
        }
        if (sum is null)
        {
            return NirSignal.Zero(expectedShape);
        }
        if (sum.Size != NirSignal.SizeOf(expectedShape))
        {
            throw new InvalidDataException($"{flat.Describe()} has {NirSignal.SizeOf(expectedShape)} neurons but receives {sum.Size} channels.");
        }
        return sum;
    }

    private NirSignal SignalOf(string name)
    {
        if (_signals.TryGetValue(name, out var cached))
        {
            return cached;
        }
        var flat = _flat[name];
        NirSignal signal;
        switch (flat.Kind)
        {
            case Kind.Input:
                signal = NirSignal.Identity(_sourceIndex[name], flat.Shape);
                break;
            case Kind.Neuron when flat.FusedThreshold is null:
                if (!flat.Spiking)
                {
                    throw new NotSupportedException($"{flat.Describe()} outputs its membrane potential, not spikes; Snn passes only spikes between populations, so a {flat.Node.Type} may feed only an Output or a Threshold node, not '{string.Join("', '", flat.Successors)}'.");
                }
                signal = NirSignal.Identity(_sourceIndex[name], flat.Shape);
                break;
            case Kind.Neuron:
                throw new NotSupportedException($"{flat.Describe()} is followed by the Threshold '{flat.FusedThreshold}', which must be its only consumer.");
            case Kind.FusedThreshold:
                signal = NirSignal.Identity(_sourceIndex[flat.Predecessors[0]], flat.Shape);
                break;
            case Kind.Output:
                throw new NotSupportedException($"{flat.Describe()} is an Output and cannot feed other nodes.");
            default:
                if (!_visiting.Add(name))
                {
                    throw new NotSupportedException($"{flat.Describe()} lies on a loop without a neuron; Snn needs a neuron on every recurrent path.");
                }
                signal = Apply(flat);
                _visiting.Remove(name);
                break;
        }
        _signals[name] = signal;
        return signal;
    }

    private NirSignal Apply(Flat flat)
    {
        if (flat.Predecessors.Count == 0)
        {
            throw new InvalidDataException($"{flat.Describe()} has no input edge.");
        }
        NirSignal input = SignalOf(flat.Predecessors[0]);
        for (int i = 1; i < flat.Predecessors.Count; i++)
        {
            var other = SignalOf(flat.Predecessors[i]);
            if (other.Size != input.Size)
            {
                throw new InvalidDataException($"{flat.Describe()} receives {input.Size} channels from '{flat.Predecessors[0]}' and {other.Size} from '{flat.Predecessors[i]}'; inputs that add must have the same size.");
            }
            input = input.Plus(other);
        }
        var node = flat.Node;
        switch (node.Type)
        {
            case NirPrimitives.Input:
            case NirPrimitives.Output:
            case NirPrimitives.Identity:
                return input;
            case NirPrimitives.Flatten:
                return input.Reshaped([input.Size]);
            case NirPrimitives.Affine:
            case NirPrimitives.Linear:
                return Dense(flat, input);
            case NirPrimitives.Scale:
                {
                    var scale = node.Find("scale")!;
                    CheckBroadcast(flat, "scale", scale, input.Size);
                    return input.Transform(input.Shape, Enumerable.Range(0, input.Size).Select(i => (i, i, scale[scale.Count == 1 ? 0 : i])));
                }
            case NirPrimitives.Delay:
                return Delay(flat, input);
            case NirPrimitives.Conv1d:
            case NirPrimitives.Conv2d:
                return NirConvolution.Convolve(flat.Describe(), node, input);
            case NirPrimitives.SumPool2d:
            case NirPrimitives.AvgPool2d:
                return NirConvolution.Pool(flat.Describe(), node, input);
            default:
                throw new NotSupportedException($"{flat.Describe()} cannot be imported.");
        }
    }

    private static NirSignal Dense(Flat flat, NirSignal input)
    {
        var weight = flat.Node.Find("weight")!;
        if (weight.Shape.Count != 2)
        {
            throw new NotSupportedException($"{flat.Describe()}: weight has shape {weight}; Snn imports 2-D (output, input) weights.");
        }
        int rows = weight.Shape[0];
        int columns = weight.Shape[1];
        if (columns != input.Size)
        {
            throw new InvalidDataException($"{flat.Describe()}: weight has shape {weight} but the input has {input.Size} channels.");
        }
        Func<int, double>? bias = null;
        if (flat.Node.Type == NirPrimitives.Affine)
        {
            var b = flat.Node.Find("bias")!;
            CheckBroadcast(flat, "bias", b, rows);
            bias = i => b[b.Count == 1 ? 0 : i];
        }
        return input.Transform([rows], Entries(weight, rows, columns), bias);
    }

    private static IEnumerable<(int, int, double)> Entries(NirTensor weight, int rows, int columns)
    {
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                yield return (r, c, weight[r * columns + c]);
            }
        }
    }

    private NirSignal Delay(Flat flat, NirSignal input)
    {
        var delay = flat.Node.Find("delay")!;
        CheckBroadcast(flat, "delay", delay, input.Size);
        var steps = new int[input.Size];
        for (int i = 0; i < steps.Length; i++)
        {
            double value = delay[delay.Count == 1 ? 0 : i];
            double ms = value * _options.TimeUnitMs;
            double exact = ms / _options.Dt;
            double rounded = Math.Round(exact);
            if (!double.IsFinite(value) || value < 0 || Math.Abs(exact - rounded) > 1e-6 * Math.Max(1, exact) || rounded > SynapseTable.MaxDelaySteps - 1)
            {
                throw new ArgumentException($"{flat.Describe()}: delay[{i}] = {value} NIR time units = {ms} ms must be a whole number of steps of dt = {_options.Dt} ms in [0, {SynapseTable.MaxDelaySteps - 1}]; choose a dt that divides every delay.", "options.Dt");
            }
            steps[i] = (int)rounded;
        }
        return input.Delayed(steps);
    }

    private static void CheckBroadcast(Flat flat, string attribute, NirTensor tensor, int size)
    {
        if (tensor.Count != size && tensor.Count != 1)
        {
            throw new InvalidDataException($"{flat.Describe()}: {attribute} has {tensor.Count} elements but the node has {size} channels.");
        }
    }

    private static int[] Integers(Flat flat, string attribute)
    {
        var tensor = flat.Node.Find(attribute)!;
        var values = new int[tensor.Count];
        for (int i = 0; i < values.Length; i++)
        {
            double value = tensor[i];
            if (value < 1 || value > int.MaxValue || value != Math.Floor(value))
            {
                throw new InvalidDataException($"{flat.Describe()}: {attribute}[{i}] = {value} must be a positive whole number.");
            }
            values[i] = (int)value;
        }
        return values.Length == 0 ? [1] : values;
    }

    private NirNeuron[] Neurons(string name, double[] bias)
    {
        var flat = _flat[name];
        var node = flat.Node;
        int size = NirSignal.SizeOf(flat.Shape);
        double unit = _options.TimeUnitMs;
        string type = node.Type;
        bool synaptic = type is NirPrimitives.CubaLIF or NirPrimitives.CubaLI;
        bool leaky = type is not (NirPrimitives.I or NirPrimitives.IF);
        var threshold = flat.FusedThreshold is null ? null : _flat[flat.FusedThreshold].Node.Find("threshold");
        var models = new NirNeuron[size];
        for (int i = 0; i < size; i++)
        {
            double vThreshold = threshold is not null ? threshold[threshold.Count == 1 ? 0 : i]
                : NirPrimitives.Spikes(type) ? Parameter(flat, "v_threshold", i, size, null) : double.PositiveInfinity;
            models[i] = new NirNeuron
            {
                TauMem = leaky ? unit * Parameter(flat, synaptic ? "tau_mem" : "tau", i, size, null) : unit,
                TauSyn = synaptic ? unit * Parameter(flat, "tau_syn", i, size, null) : 0,
                Leak = leaky,
                R = Parameter(flat, "r", i, size, null),
                VLeak = leaky ? Parameter(flat, "v_leak", i, size, null) : 0,
                VThreshold = vThreshold,
                VReset = NirPrimitives.Spikes(type) ? Parameter(flat, "v_reset", i, size, 0) : 0,
                Reset = threshold is null,
                WIn = synaptic ? Parameter(flat, "w_in", i, size, 1) : 1,
                Bias = bias[i],
                SpikeIntegralMs = _options.SpikeArea * unit,
            };
            try
            {
                models[i].Validate();
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"{flat.Describe()}: neuron {i}: {e.Message}", e);
            }
        }
        return models;
    }

    private static double Parameter(Flat flat, string attribute, int index, int size, double? fallback)
    {
        var tensor = flat.Node.Find(attribute);
        if (tensor is null)
        {
            return fallback ?? throw new InvalidDataException($"{flat.Describe()} lacks its '{attribute}' array.");
        }
        if (tensor.Count != size && tensor.Count != 1)
        {
            throw new InvalidDataException($"{flat.Describe()}: {attribute} has {tensor.Count} elements but the node has {size} neurons.");
        }
        return tensor[tensor.Count == 1 ? 0 : index];
    }

    private void CheckInputNames()
    {
        if (_options.InputSpikes is null)
        {
            return;
        }
        foreach (string name in _options.InputSpikes.Keys)
        {
            if (!_flat.TryGetValue(name, out var flat) || flat.Kind != Kind.Input)
            {
                string known = string.Join(", ", _sources.Where(s => _flat[s].Kind == Kind.Input));
                throw new ArgumentException($"options.InputSpikes names '{name}', which is not an Input node of the graph (its inputs: {known}).", "options");
            }
        }
    }

    private double[][] InputTimes(string name, int size)
    {
        if (_options.InputSpikes is null || !_options.InputSpikes.TryGetValue(name, out var times))
        {
            return Enumerable.Range(0, size).Select(_ => Array.Empty<double>()).ToArray();
        }
        if (times is null || times.Length != size)
        {
            throw new ArgumentException($"options.InputSpikes['{name}'] has {times?.Length ?? 0} spike trains but the Input node has {size} channels.", "options");
        }
        for (int channel = 0; channel < size; channel++)
        {
            RequireOneEventPerStep(name, channel, times[channel]);
        }
        return times;
    }

    /// <summary>NIR input spikes are Dirac deltas, so two events of one channel are two unit inputs;
    /// a spike source emits at most one spike per step, so two events that fall into the same step
    /// would silently become one. They are refused instead.</summary>
    private void RequireOneEventPerStep(string name, int channel, double[]? train)
    {
        if (train is null)
        {
            throw new ArgumentNullException("options", $"options.InputSpikes['{name}'][{channel}] is null.");
        }
        var steps = new long[train.Length];
        for (int k = 0; k < train.Length; k++)
        {
            steps[k] = double.IsFinite(train[k]) ? (long)Math.Round(train[k] / _options.Dt) : long.MinValue + k;
        }
        var order = steps.Select((step, k) => (step, k)).Order().ToArray();
        for (int k = 1; k < order.Length; k++)
        {
            if (order[k].step == order[k - 1].step)
            {
                throw new ArgumentException($"options.InputSpikes['{name}'][{channel}] has two events, at {train[order[k - 1].k]} ms and {train[order[k].k]} ms, "
                    + $"in the same step of dt = {_options.Dt} ms; a spike source emits one spike per step, so they would merge into one. "
                    + "Choose a smaller dt so that they fall into different steps.", "options");
            }
        }
    }

    private void Connect(Network network, Dictionary<string, Population> populations, string name, NirSignal signal)
    {
        var target = populations[name];
        var bySource = new SortedDictionary<int, (List<int> Sources, List<int> Targets, List<double> Weights, List<double> Delays)>();
        for (int j = 0; j < signal.Size; j++)
        {
            foreach (var (term, weight) in signal.Terms[j])
            {
                if (weight == 0)
                {
                    continue;
                }
                if (!bySource.TryGetValue(term.Source, out var lists))
                {
                    lists = ([], [], [], []);
                    bySource[term.Source] = lists;
                }
                lists.Sources.Add(term.Neuron);
                lists.Targets.Add(j);
                lists.Weights.Add(weight);
                lists.Delays.Add((1 + term.DelaySteps) * _options.Dt);
            }
        }
        foreach (var (source, lists) in bySource)
        {
            network.Connect(populations[_sources[source]], target, Connectivity.Pairs([.. lists.Sources], [.. lists.Targets]),
                Synapse.Excitatory(Dist.Explicit([.. lists.Weights]), Dist.Explicit([.. lists.Delays])));
        }
    }

    private NirOutput Record(Network network, Dictionary<string, Population> populations, string name)
    {
        var flat = _flat[name];
        var feeding = flat;
        while (feeding.Kind is Kind.Output or Kind.Linear && feeding.Predecessors.Count == 1
            && (feeding == flat || feeding.Node.Type is NirPrimitives.Input or NirPrimitives.Output or NirPrimitives.Identity))
        {
            feeding = _flat[feeding.Predecessors[0]];
        }
        if (feeding == flat || !populations.TryGetValue(feeding.Name, out var population))
        {
            string what = flat.Predecessors.Count == 1 ? $"the {feeding.Node.Type} node '{feeding.Name}'" : $"{flat.Predecessors.Count} nodes";
            throw new NotSupportedException($"{flat.Describe()} is fed by {what}; Snn records populations, so an Output must follow exactly one Input, neuron or Threshold node.");
        }
        var source = _flat[population.Name];
        if (source.Spiking)
        {
            return new NirOutput(name, population, network.RecordSpikes(population), null);
        }
        return new NirOutput(name, population, null, network.RecordState(population, StateVariable.V));
    }
}
