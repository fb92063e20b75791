namespace Snn.Backends.Onnx;

/// <summary>
/// The spikes of a spike tensor as index lists, one per axis (for spikes [batch, width]: batch
/// entry and column of every spike, each [spikes], int64), in row-major order.
/// </summary>
internal sealed record SpikeEvents(string[] Indices)
{
    /// <summary>Adds the nodes that list the nonzero entries of <paramref name="spikes"/>, a tensor of <paramref name="rank"/> axes.</summary>
    public static SpikeEvents Find(GraphBuilder graph, string spikes, int rank)
    {
        string nonzero = graph.Op("NonZero", spikes);
        var indices = new string[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            string at = graph.Constant(GraphBuilder.TensorOf(new long[] { axis }, []));
            indices[axis] = graph.OpWith("Gather", [nonzero, at], [GraphBuilder.IntAttribute("axis", 0)]);
        }
        return new SpikeEvents(indices);
    }
}
