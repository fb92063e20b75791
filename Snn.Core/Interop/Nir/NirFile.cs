using PureHDF;
using Snn.Core.IO;

namespace Snn.Core.Interop.Nir;

/// <summary>
/// Reads and writes <c>.nir</c> files: HDF5 with a string data set <c>version</c> and a group
/// <c>node</c> holding the graph, as the reference Python package <c>nir</c> writes them. Every
/// node is a group with a string data set <c>type</c> and one data set per array (<c>weight</c>,
/// <c>tau</c>, ...); a graph node (<c>NIRGraph</c>) has a group <c>nodes</c> with one sub-group
/// per node and a data set <c>edges</c> of (source, destination) name pairs, shape (n, 2).
/// Numbers of any HDF5 integer or float type (gzip-compressed too) are read as doubles; the
/// writer writes 64-bit floats and integers.
/// </summary>
public static class NirFile
{
    /// <summary>The NIR version the writer records.</summary>
    public const string WriterVersion = "1.0.0";

    /// <summary>Reads a NIR graph and checks it (<see cref="NirGraph.Validate"/>).</summary>
    /// <param name="path">A <c>.nir</c> file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not HDF5, a node or data set is corrupt,
    /// or a node has an unknown type or lacks an array (names the node and its HDF5 path); also when
    /// the file exceeds the limits of <see cref="Hdf5Bounds"/> (groups nested too deep or in a cycle,
    /// a data set larger than the file can hold).</exception>
    public static NirGraph Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"NIR file '{path}' does not exist.", path);
        }
        PureHDF.VOL.Native.NativeFile file;
        var stream = Hdf5Bounds.OpenEndChecked(path);
        try
        {
            file = PureHDF.H5File.Open(stream, leaveOpen: false);
        }
        catch (Exception e)
        {
            stream.Dispose();
            throw new InvalidDataException($"'{path}' is not a readable HDF5 file: {e.Message}", e);
        }
        using (file)
        {
            var bounds = new Hdf5Bounds(new FileInfo(path).Length);
            string? version = null;
            if (Exists(file, "version", "/version"))
            {
                version = ReadString(file, "version", "/version", bounds);
            }
            if (!Exists(file, "node", "/node") || Child(file, "node", "/node") is not IH5Group root)
            {
                throw new InvalidDataException($"'{path}' has no group /node: it is not a NIR file.");
            }
            try
            {
                var node = ReadNode(root, "node", "/node", bounds, depth: 0);
                if (node.Graph is null)
                {
                    throw new InvalidDataException($"NIR node 'node' (HDF5 path /node) has type '{node.Type}'; a NIR file's root node must be a {NirGraph.GraphType}.");
                }
                node.Graph.Version = version;
                node.Graph.Validate();
                return node.Graph;
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"'{path}' holds an invalid NIR graph: {e.Message}", e);
            }
        }
    }

    /// <summary>Writes <paramref name="graph"/> to <paramref name="path"/> in the layout the reference
    /// package reads, through a temporary file renamed at the end (<see cref="AtomicFile"/>): a failed
    /// write leaves the previous file as it was.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The output file.</param>
    public static void Write(NirGraph graph, string path)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = new H5File
        {
            ["version"] = WriterVersion,
            ["node"] = GraphGroup(graph),
        };
        AtomicFile.WriteVia(path, temporary => file.Write(temporary));
    }

    private static H5Group GraphGroup(NirGraph graph)
    {
        var nodes = new H5Group();
        foreach (string name in graph.NodeNames)
        {
            var node = graph.Nodes[name];
            nodes[name] = node.Graph is null ? NodeGroup(node) : GraphGroup(node.Graph);
        }
        var edges = new string[2 * graph.Edges.Count];
        for (int i = 0; i < graph.Edges.Count; i++)
        {
            edges[2 * i] = graph.Edges[i].Source;
            edges[2 * i + 1] = graph.Edges[i].Destination;
        }
        return new H5Group
        {
            ["type"] = NirGraph.GraphType,
            ["nodes"] = nodes,
            ["edges"] = edges.Length == 0 ? new H5Dataset(Array.Empty<double>()) : new H5Dataset(edges, fileDims: [(ulong)graph.Edges.Count, 2]),
        };
    }

    private static H5Group NodeGroup(NirNode node)
    {
        var group = new H5Group { ["type"] = node.Type };
        foreach (var (name, tensor) in node.Attributes)
        {
            Place(group, name, Dataset(tensor));
        }
        foreach (var (name, text) in node.Text)
        {
            Place(group, name, text);
        }
        return group;
    }

    private static void Place(H5Group group, string path, object value)
    {
        string[] parts = path.Split('/');
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (!group.TryGetValue(parts[i], out var existing) || existing is not H5Group sub)
            {
                sub = new H5Group();
                group[parts[i]] = sub;
            }
            group = sub;
        }
        group[parts[^1]] = value;
    }

    private static H5Dataset Dataset(NirTensor tensor)
    {
        ulong[] dims = [.. tensor.Shape.Select(d => (ulong)d)];
        if (tensor.IsInteger)
        {
            var integers = new long[tensor.Count];
            for (int i = 0; i < integers.Length; i++)
            {
                integers[i] = (long)tensor[i];
            }
            return dims.Length == 0 ? new H5Dataset(integers[0]) : new H5Dataset(integers, fileDims: dims);
        }
        var values = tensor.Values.ToArray();
        return dims.Length == 0 ? new H5Dataset(values[0]) : new H5Dataset(values, fileDims: dims);
    }

    private static NirNode ReadNode(IH5Group group, string name, string path, Hdf5Bounds bounds, int depth)
    {
        bounds.Enter(depth, path);
        if (!Exists(group, "type", $"{path}/type"))
        {
            throw new InvalidDataException($"NIR node '{name}' (HDF5 path {path}) has no 'type' data set.");
        }
        string type = ReadString(group, "type", $"{path}/type", bounds);
        NirNode node;
        if (type == NirGraph.GraphType)
        {
            node = new NirNode(ReadGraph(group, name, path, bounds, depth));
        }
        else
        {
            var attributes = new Dictionary<string, NirTensor>();
            var text = new Dictionary<string, string>();
            ReadArrays(group, "", path, name, attributes, text, bounds, depth);
            node = new NirNode(type, attributes, text);
        }
        node.SourcePath = path;
        return node;
    }

    private static NirGraph ReadGraph(IH5Group group, string name, string path, Hdf5Bounds bounds, int depth)
    {
        if (!Exists(group, "nodes", $"{path}/nodes") || Child(group, "nodes", $"{path}/nodes") is not IH5Group nodesGroup)
        {
            throw new InvalidDataException($"NIR node '{name}' (HDF5 path {path}) is a {NirGraph.GraphType} without a 'nodes' group.");
        }
        var nodes = new List<KeyValuePair<string, NirNode>>();
        foreach (var child in Children(nodesGroup, $"{path}/nodes"))
        {
            string childPath = $"{path}/nodes/{child.Name}";
            if (child is not IH5Group childGroup)
            {
                throw new InvalidDataException($"NIR node '{child.Name}' (HDF5 path {childPath}) is a data set, not a node group.");
            }
            nodes.Add(new(child.Name, ReadNode(childGroup, child.Name, childPath, bounds, depth + 1)));
        }
        var edges = new List<NirEdge>();
        if (Exists(group, "edges", $"{path}/edges"))
        {
            string edgesPath = $"{path}/edges";
            if (Child(group, "edges", edgesPath) is not IH5Dataset dataset)
            {
                throw new InvalidDataException($"NIR graph '{name}': {edgesPath} must be a data set of (source, destination) names.");
            }
            var dims = Guarded(edgesPath, () => dataset.Space.Dimensions);
            bool empty = dims.Length > 0 && dims.Aggregate(1UL, (a, b) => a * b) == 0;
            if (!empty)
            {
                if (!IsString(dataset) || dims.Length != 2 || dims[1] != 2)
                {
                    throw new InvalidDataException($"NIR graph '{name}': {edgesPath} must hold strings of shape (n, 2), but has shape ({string.Join(", ", dims)}) of {Guarded(edgesPath, () => dataset.Type.Class)}.");
                }
                Guarded(edgesPath, () => bounds.RequireStorable(dataset.Space.Dimensions, (int)dataset.Type.Size, edgesPath));
                var names = Guarded(edgesPath, () => dataset.Read<string[]>());
                for (int i = 0; i + 1 < names.Length; i += 2)
                {
                    if (string.IsNullOrEmpty(names[i]) || string.IsNullOrEmpty(names[i + 1]))
                    {
                        throw new InvalidDataException($"NIR graph '{name}': {edgesPath} row {i / 2} has an empty node name.");
                    }
                    edges.Add(new NirEdge(names[i], names[i + 1]));
                }
            }
        }
        try
        {
            return new NirGraph(nodes, edges) { SourcePath = path };
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"NIR graph '{name}' (HDF5 path {path}): {e.Message}", e);
        }
    }

    private static void ReadArrays(IH5Group group, string prefix, string path, string node, Dictionary<string, NirTensor> attributes, Dictionary<string, string> text,
        Hdf5Bounds bounds, int depth)
    {
        foreach (var child in Children(group, path))
        {
            string key = prefix + child.Name;
            string childPath = $"{path}/{child.Name}";
            if (key is "type" or "metadata")
            {
                continue;
            }
            if (child is IH5Group sub)
            {
                bounds.Enter(depth + 1, childPath);
                ReadArrays(sub, key + "/", childPath, node, attributes, text, bounds, depth + 1);
            }
            else if (child is IH5Dataset dataset)
            {
                bounds.Enter(depth + 1, childPath);
                Guarded(childPath, () => bounds.RequireStorable(dataset.Space.Dimensions, (int)dataset.Type.Size, childPath));
                if (Guarded(childPath, () => IsString(dataset)))
                {
                    text[key] = Guarded(childPath, () => dataset.Read<string>());
                }
                else
                {
                    attributes[key] = ReadTensor(dataset, childPath, node);
                }
            }
        }
    }

    private static NirTensor ReadTensor(IH5Dataset dataset, string path, string node)
    {
        var type = Guarded(path, () => dataset.Type);
        var dims = Guarded(path, () => dataset.Space.Dimensions);
        int[] shape = [.. dims.Select(d => d > int.MaxValue ? throw new InvalidDataException($"NIR node '{node}': {path} has a dimension of {d}, too large.") : (int)d)];
        double[] values = Guarded(path, () => type.Class switch
        {
            H5DataTypeClass.FloatingPoint => type.Size switch
            {
                2 => Array.ConvertAll(dataset.Read<Half[]>(), v => (double)v),
                4 => Array.ConvertAll(dataset.Read<float[]>(), v => (double)v),
                8 => dataset.Read<double[]>(),
                _ => throw new InvalidDataException($"{type.Size}-byte floats are not supported"),
            },
            H5DataTypeClass.FixedPoint => Integers(dataset, type.Size, type.FixedPoint.IsSigned),
            _ => throw new InvalidDataException($"data of class {type.Class} is not numeric"),
        });
        if (NirSignal.SizeOf(shape) != values.Length)
        {
            throw new InvalidDataException($"NIR node '{node}': {path} declares shape ({string.Join(", ", shape)}) but holds {values.Length} values.");
        }
        return new NirTensor(values, shape, type.Class == H5DataTypeClass.FixedPoint);
    }

    private static double[] Integers(IH5Dataset dataset, int size, bool signed) => (size, signed) switch
    {
        (1, true) => Array.ConvertAll(dataset.Read<sbyte[]>(), v => (double)v),
        (1, false) => Array.ConvertAll(dataset.Read<byte[]>(), v => (double)v),
        (2, true) => Array.ConvertAll(dataset.Read<short[]>(), v => (double)v),
        (2, false) => Array.ConvertAll(dataset.Read<ushort[]>(), v => (double)v),
        (4, true) => Array.ConvertAll(dataset.Read<int[]>(), v => (double)v),
        (4, false) => Array.ConvertAll(dataset.Read<uint[]>(), v => (double)v),
        (8, true) => Array.ConvertAll(dataset.Read<long[]>(), v => (double)v),
        (8, false) => Array.ConvertAll(dataset.Read<ulong[]>(), v => (double)v),
        _ => throw new InvalidDataException($"{size}-byte integers are not supported"),
    };

    private static bool IsString(IH5Dataset dataset)
    {
        var type = dataset.Type;
        return type.Class == H5DataTypeClass.String
            || (type.Class == H5DataTypeClass.VariableLength && type.VariableLength.BaseType.Class is H5DataTypeClass.String or H5DataTypeClass.FixedPoint
                && type.VariableLength.BaseType.Size == 1);
    }

    private static string ReadString(IH5Group group, string name, string path, Hdf5Bounds bounds)
    {
        if (Child(group, name, path) is not IH5Dataset dataset || !Guarded(path, () => IsString(dataset)))
        {
            throw new InvalidDataException($"{path} must be a string data set.");
        }
        Guarded(path, () => bounds.RequireStorable(dataset.Space.Dimensions, (int)dataset.Type.Size, path));
        return Guarded(path, () => dataset.Space.Dimensions.Length == 0 ? dataset.Read<string>() : dataset.Read<string[]>()[0]);
    }

    private static bool Exists(IH5Group group, string name, string path) => Guarded(path, () => group.LinkExists(name));

    private static IH5Object Child(IH5Group group, string name, string path) => Guarded(path, () => group.Get(name));

    private static List<IH5Object> Children(IH5Group group, string path) => Guarded(path, () => group.Children().ToList());

    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e) when (!e.Message.Contains(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"HDF5 path {path}: {e.Message}", e);
        }
        catch (OutOfMemoryException e)
        {
            throw new InvalidDataException($"HDF5 path {path} cannot be read: a length field asks for more memory than can be allocated (corrupt file).", e);
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException($"HDF5 path {path} cannot be read (corrupt or truncated file): {e.Message}", e);
        }
    }
}
