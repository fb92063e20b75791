namespace Snn.Core.Interop.Nir;

/// <summary>
/// One node of a NIR graph: its primitive type (<c>LIF</c>, <c>Affine</c>, <c>NIRGraph</c>, ...),
/// its numeric arrays by name (<c>tau</c>, <c>weight</c>, ...; arrays of sub-groups such as
/// <c>input_type/input</c> are named by their relative path), its strings (a convolution's
/// <c>padding</c> of "same" or "valid"), and for a nested graph the graph itself. Nodes are
/// immutable.
/// </summary>
public sealed class NirNode
{
    private readonly Dictionary<string, NirTensor> _attributes;
    private readonly Dictionary<string, string> _text;

    /// <summary>Creates a primitive node.</summary>
    /// <param name="type">The NIR type name, e.g. "LIF" (see <see cref="NirGraph.SupportedTypes"/>).</param>
    /// <param name="attributes">Its numeric arrays by NIR attribute name.</param>
    /// <param name="text">Its string attributes by name.</param>
    public NirNode(string type, IReadOnlyDictionary<string, NirTensor>? attributes = null, IReadOnlyDictionary<string, string>? text = null)
    {
        Type = Validation.Guard.Name(type, nameof(type));
        _attributes = attributes is null ? [] : new Dictionary<string, NirTensor>(attributes);
        _text = text is null ? [] : new Dictionary<string, string>(text);
    }

    /// <summary>Creates a node that holds a nested graph (type <c>NIRGraph</c>).</summary>
    /// <param name="graph">The nested graph.</param>
    public NirNode(NirGraph graph)
        : this(NirGraph.GraphType)
    {
        Graph = graph ?? throw new ArgumentNullException(nameof(graph));
    }

    /// <summary>The NIR type name.</summary>
    public string Type { get; }

    /// <summary>The numeric arrays by name.</summary>
    public IReadOnlyDictionary<string, NirTensor> Attributes => _attributes;

    /// <summary>The string attributes by name.</summary>
    public IReadOnlyDictionary<string, string> Text => _text;

    /// <summary>The nested graph of a <c>NIRGraph</c> node, otherwise null.</summary>
    public NirGraph? Graph { get; }

    /// <summary>The HDF5 path the node was read from (e.g. <c>/node/nodes/lif1</c>), or null for a
    /// node built in code.</summary>
    public string? SourcePath { get; internal set; }

    /// <summary>The array <paramref name="name"/>, or null when the node has none.</summary>
    /// <param name="name">The attribute name, e.g. "tau".</param>
    public NirTensor? Find(string name) => _attributes.GetValueOrDefault(name);

    /// <inheritdoc />
    public override string ToString() => SourcePath is null ? Type : $"{Type} at {SourcePath}";
}
