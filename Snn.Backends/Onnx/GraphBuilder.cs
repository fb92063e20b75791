using Google.Protobuf;
using Snn.Backends.Onnx.Proto;

namespace Snn.Backends.Onnx;

/// <summary>
/// Collects the nodes and constant tensors of one ONNX graph (the main graph or a loop body) and
/// hands out unique value names; builders that share a <see cref="NameSource"/> never clash, as
/// ONNX requires of a subgraph and its enclosing graph.
/// </summary>
internal sealed class GraphBuilder(NameSource names)
{
    private static readonly string ZeroKey = $"f{BitConverter.SingleToInt32Bits(0f)}";
    private readonly Dictionary<string, string> _scalarCache = [];

    public List<NodeProto> Nodes { get; } = [];

    public List<TensorProto> Initializers { get; } = [];

    /// <summary>Shapes declared for intermediate values (<see cref="Declare"/>), for the graph's value_info.</summary>
    public List<ValueInfoProto> Declared { get; } = [];

    public NameSource Names => names;

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    public string Op(string opType, params string[] inputs) => OpWith(opType, inputs, []);

    /// <summary>Adds a node with one output and attributes.</summary>
    public string OpWith(string opType, string[] inputs, AttributeProto[] attributes)
        => OpMany(opType, inputs, 1, attributes)[0];

    /// <summary>Adds a node with <paramref name="outputs"/> outputs.</summary>
    public string[] OpMany(string opType, string[] inputs, int outputs, AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = names.Next(opType) };
        node.Input.AddRange(inputs);
        var produced = new string[outputs];
        for (int k = 0; k < outputs; k++)
        {
            produced[k] = names.Next(opType.ToLowerInvariant());
        }
        node.Output.AddRange(produced);
        node.Attribute.AddRange(attributes);
        Nodes.Add(node);
        return produced;
    }

    /// <summary>Adds a node writing to the given output names (graph outputs).</summary>
    public void OpInto(string opType, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = names.Next(opType) };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        Nodes.Add(node);
    }

    /// <summary>Declares the shape of the intermediate <paramref name="value"/> (an integer is a
    /// fixed size, a string a symbolic dimension) and returns the value. ONNX Runtime lets an
    /// operator write its output over an input (a ScatterElements over its data, for one) only
    /// where it can tell the two are the same size, so a value whose size shape inference cannot
    /// work out (the product of a symbolic dimension and a constant, after a Reshape to one axis)
    /// gets a name here: values with the same symbolic dimension must have the same size.</summary>
    public string Declare(string value, TensorProto.Types.DataType type, params object[] dims)
    {
        Declared.Add(ValueInfo(value, type, dims));
        return value;
    }

    /// <summary>When true, <see cref="Add"/> with this builder's float +0 scalar returns the other
    /// operand without a node. That differs from the sum only where the other operand is −0 (the
    /// sum is +0), which no comparison, product magnitude or later nonzero addend tells apart; the
    /// exact form keeps it off, since its membranes are compared bit for bit.</summary>
    public bool FoldAddedZero { get; init; }

    public string Add(string a, string b)
    {
        if (FoldAddedZero && _scalarCache.TryGetValue(ZeroKey, out string? zero))
        {
            if (b == zero)
            {
                return a;
            }
            if (a == zero)
            {
                return b;
            }
        }
        return Op("Add", a, b);
    }

    public string Sub(string a, string b) => Op("Sub", a, b);

    public string Mul(string a, string b) => Op("Mul", a, b);

    public string Div(string a, string b) => Op("Div", a, b);

    public string Where(string condition, string whenTrue, string whenFalse) => Op("Where", condition, whenTrue, whenFalse);

    public string Cast(string value, TensorProto.Types.DataType to) => OpWith("Cast", [value], [IntAttribute("to", (long)to)]);

    /// <summary>A float scalar constant (shared between uses).</summary>
    public string Scalar(float value)
    {
        string key = $"f{BitConverter.SingleToInt32Bits(value)}";
        if (!_scalarCache.TryGetValue(key, out string? name))
        {
            name = Constant(TensorOf([value], []));
            _scalarCache[key] = name;
        }
        return name;
    }

    /// <summary>A double scalar constant (shared between uses).</summary>
    public string Scalar(double value)
    {
        string key = $"d{BitConverter.DoubleToInt64Bits(value)}";
        if (!_scalarCache.TryGetValue(key, out string? name))
        {
            name = Constant(TensorOf([value], []));
            _scalarCache[key] = name;
        }
        return name;
    }

    /// <summary>An int32 scalar constant (shared between uses).</summary>
    public string Scalar(int value)
    {
        string key = $"i{value}";
        if (!_scalarCache.TryGetValue(key, out string? name))
        {
            name = Constant(TensorOf([value], []));
            _scalarCache[key] = name;
        }
        return name;
    }

    /// <summary>A 1-D int64 constant.</summary>
    public string Int64s(params long[] values) => Constant(TensorOf(values, [values.Length]));

    /// <summary>Adds <paramref name="tensor"/> as an initializer under a fresh name and returns the name.</summary>
    public string Constant(TensorProto tensor)
    {
        tensor.Name = names.Next("const");
        Initializers.Add(tensor);
        return tensor.Name;
    }

    public static AttributeProto IntAttribute(string name, long value)
        => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto StringAttribute(string name, string value)
        => new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto IntsAttribute(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto GraphAttribute(string name, GraphProto graph)
        => new() { Name = name, Type = AttributeProto.Types.AttributeType.Graph, G = graph };

    public static TensorProto TensorOf(float[] values, long[] dims) => Raw(TensorProto.Types.DataType.Float, dims, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));

    public static TensorProto TensorOf(Half[] values, long[] dims) => Raw(TensorProto.Types.DataType.Float16, dims, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));

    public static TensorProto TensorOf(double[] values, long[] dims) => Raw(TensorProto.Types.DataType.Double, dims, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));

    public static TensorProto TensorOf(short[] values, long[] dims) => Raw(TensorProto.Types.DataType.Int16, dims, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));

    public static TensorProto TensorOf(int[] values, long[] dims) => Raw(TensorProto.Types.DataType.Int32, dims, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));

    public static TensorProto TensorOf(long[] values, long[] dims) => Raw(TensorProto.Types.DataType.Int64, dims, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));

    /// <summary>A tensor whose values are stored little-endian in <c>raw_data</c>, as the ONNX
    /// specification requires.</summary>
    private static TensorProto Raw(TensorProto.Types.DataType type, long[] dims, ReadOnlySpan<byte> bytes)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The ONNX exporter writes raw tensor data and needs a little-endian machine.");
        }
        var tensor = new TensorProto { DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    /// <summary>A tensor value description with the given element type and dimensions: an
    /// integer is a fixed size, a string a symbolic dimension ("batch", "steps").</summary>
    public static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (object dim in dims)
        {
            shape.Dim.Add(dim switch
            {
                string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
                int size => new TensorShapeProto.Types.Dimension { DimValue = size },
                long size => new TensorShapeProto.Types.Dimension { DimValue = size },
                _ => throw new ArgumentException($"Unsupported dimension {dim}.", nameof(dims)),
            });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
