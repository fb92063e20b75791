using Snn.Backends.Onnx.Proto;

namespace Snn.Backends.Onnx;

/// <summary>
/// Removes the nodes of a graph whose outputs nothing reads. ONNX Runtime runs every node of a loop
/// body on every step, read or not (a model's unread spikes, the shape of a tensor whose shape
/// is never used), and in a body each node costs a few microseconds per step whatever its size.
/// </summary>
internal static class DeadNodes
{
    /// <summary>The nodes of <paramref name="nodes"/> (in their order) that contribute to one of
    /// <paramref name="outputs"/>, directly or through other kept nodes.</summary>
    public static List<NodeProto> Live(IReadOnlyList<NodeProto> nodes, IEnumerable<string> outputs)
    {
        var read = new HashSet<string>(outputs);
        var live = new bool[nodes.Count];
        for (int n = nodes.Count - 1; n >= 0; n--)
        {
            if (nodes[n].Output.Any(read.Contains))
            {
                live[n] = true;
                read.UnionWith(nodes[n].Input);
            }
        }
        return [.. nodes.Where((_, n) => live[n])];
    }

    /// <summary>Fills <paramref name="graph"/>, whose outputs are set, with the nodes of
    /// <paramref name="builder"/> that its outputs need (<see cref="Live"/>), the initializers they
    /// read and the declared shapes (<see cref="GraphBuilder.Declare"/>) of the values they compute.</summary>
    public static void Fill(GraphProto graph, GraphBuilder builder)
    {
        var live = Live(builder.Nodes, graph.Output.Select(o => o.Name));
        graph.Node.AddRange(live);
        graph.Initializer.AddRange(Read(builder.Initializers, live));
        var computed = live.SelectMany(n => n.Output).ToHashSet();
        graph.ValueInfo.AddRange(builder.Declared.Where(v => computed.Contains(v.Name)));
    }

    /// <summary>The initializers of <paramref name="initializers"/> that a node of <paramref name="nodes"/> reads.</summary>
    public static List<TensorProto> Read(IReadOnlyList<TensorProto> initializers, IReadOnlyList<NodeProto> nodes)
    {
        var read = nodes.SelectMany(n => n.Input).ToHashSet();
        return [.. initializers.Where(i => read.Contains(i.Name))];
    }
}
