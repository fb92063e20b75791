using Snn.Core.Models;

namespace Snn.Core.Interop.Nir;

/// <summary>
/// A NIR graph (Neuromorphic Intermediate Representation, <see href="https://neuroir.org"/>): named
/// nodes, each a continuous-time primitive or a nested graph, and edges that carry a node's output
/// to another node's input. Read one with <see cref="NirFile.Read"/>, build one in code, turn it
/// into a Snn network with <see cref="ToNetwork"/>, or get one from a network with
/// <see cref="NirExporter.ToGraph"/>.
/// </summary>
public sealed class NirGraph
{
    /// <summary>The type name of a graph node.</summary>
    public const string GraphType = "NIRGraph";

    private readonly List<string> _names = [];
    private readonly Dictionary<string, NirNode> _nodes = [];
    private readonly List<NirEdge> _edges;

    /// <summary>Creates a graph.</summary>
    /// <param name="nodes">The nodes by name, in order; names are non-empty, unique and contain no '/'.</param>
    /// <param name="edges">The edges.</param>
    public NirGraph(IEnumerable<KeyValuePair<string, NirNode>> nodes, IEnumerable<NirEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        foreach (var (name, node) in nodes)
        {
            Validation.Guard.Name(name, "node name");
            ArgumentNullException.ThrowIfNull(node, $"nodes['{name}']");
            if (name.Contains('/'))
            {
                throw new ArgumentException($"Node name '{name}' contains '/', which HDF5 uses as a path separator.", nameof(nodes));
            }
            if (!_nodes.TryAdd(name, node))
            {
                throw new ArgumentException($"Node name '{name}' occurs twice.", nameof(nodes));
            }
            _names.Add(name);
        }
        _edges = [.. edges];
    }

    /// <summary>The primitive types Snn reads.</summary>
    public static IReadOnlyCollection<string> SupportedTypes => [.. NirPrimitives.Required.Keys];

    /// <summary>The node names in order.</summary>
    public IReadOnlyList<string> NodeNames => _names;

    /// <summary>The nodes by name.</summary>
    public IReadOnlyDictionary<string, NirNode> Nodes => _nodes;

    /// <summary>The edges.</summary>
    public IReadOnlyList<NirEdge> Edges => _edges;

    /// <summary>The file's NIR version string, when read from a file that has one.</summary>
    public string? Version { get; internal set; }

    /// <summary>The HDF5 path of the graph's group, when read from a file.</summary>
    public string? SourcePath { get; internal set; }

    /// <summary>
    /// Checks that every node (nested ones too) has a type Snn reads and the arrays that type
    /// requires, and that every edge names existing nodes.
    /// </summary>
    /// <exception cref="InvalidDataException">Names the node, its HDF5 path and what is wrong.</exception>
    public void Validate()
    {
        foreach (string name in _names)
        {
            var node = _nodes[name];
            if (!NirPrimitives.Required.TryGetValue(node.Type, out var required))
            {
                throw new InvalidDataException($"{NirPrimitives.Describe(name, node)} has the unknown type '{node.Type}'; Snn reads {string.Join(", ", NirPrimitives.Required.Keys)}.");
            }
            foreach (string attribute in required)
            {
                if (node.Find(attribute) is null && !node.Text.ContainsKey(attribute))
                {
                    throw new InvalidDataException($"{NirPrimitives.Describe(name, node)} lacks its '{attribute}' array (a {node.Type} has {string.Join(", ", required)}).");
                }
            }
            if (node.Type == GraphType)
            {
                if (node.Graph is null)
                {
                    throw new InvalidDataException($"{NirPrimitives.Describe(name, node)} has no nested graph.");
                }
                node.Graph.Validate();
            }
        }
        foreach (var edge in _edges)
        {
            foreach (string end in new[] { edge.Source, edge.Destination })
            {
                string head = _nodes.ContainsKey(end) || !end.Contains('.') ? end : end[..end.IndexOf('.')];
                if (!_nodes.ContainsKey(head))
                {
                    string where = SourcePath is null ? "the graph" : $"the graph at {SourcePath}";
                    throw new InvalidDataException($"Edge '{edge.Source}' -> '{edge.Destination}' of {where} names the node '{end}', which does not exist.");
                }
            }
        }
    }

    /// <summary>
    /// Builds a Snn network that runs this graph at <see cref="NirImportOptions.Dt"/>. Neuron nodes
    /// (LIF, CubaLIF, IF, LI, CubaLI, I, and LI/I/CubaLI followed by Threshold) become populations
    /// of <see cref="NirNeuron"/>; Input nodes become spike sources; the chains of Affine, Linear,
    /// Scale, Delay, Flatten, Conv1d, Conv2d, SumPool2d, AvgPool2d and nested graphs between them
    /// are multiplied out into sparse explicit-pair projections (biases become each target's
    /// constant input). NIR edges are instantaneous but a Snn synapse takes at least one step, so
    /// every synaptic hop takes dt and a Delay node adds its delay, which must be a whole number
    /// of steps.
    /// </summary>
    /// <param name="options">Time step, NIR time unit, input spikes; null for defaults.</param>
    /// <exception cref="InvalidDataException">A node is malformed (names the node and its HDF5 path).</exception>
    /// <exception cref="NotSupportedException">The graph needs what Snn cannot run (names the node).</exception>
    /// <exception cref="ArgumentException">An option is invalid, or a delay is not a whole number of steps.</exception>
    public NirNetwork ToNetwork(NirImportOptions? options = null) => new NirImporter(this, options ?? new NirImportOptions()).Build();
}
