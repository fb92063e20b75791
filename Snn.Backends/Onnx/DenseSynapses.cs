namespace Snn.Backends.Onnx;

/// <summary>
/// Synapses as a dense matrix: <see cref="Rows"/> lists the positions (of the spike history or of
/// the shifted input stack) that at least one synapse reads, ascending, and <see cref="Weights"/>
/// is [rows, size] row-major with the summed weight from each position to each target.
/// </summary>
internal sealed class DenseSynapses
{
    private DenseSynapses(long[] rows, float[] weights)
    {
        Rows = rows;
        Weights = weights;
    }

    /// <summary>The positions read, ascending.</summary>
    public long[] Rows { get; }

    /// <summary>[rows, size] row-major.</summary>
    public float[] Weights { get; }

    /// <summary>Builds the matrix over every position 0 to <paramref name="positions"/> − 1 (rows
    /// no synapse reads are zero) from (position, target, weight) triples.</summary>
    public static DenseSynapses Full(IEnumerable<(long Position, int Target, float Weight)> synapses, long positions, int size)
    {
        var weights = new float[checked(positions * size)];
        foreach (var (position, target, weight) in synapses)
        {
            weights[position * size + target] += weight;
        }
        var rows = new long[positions];
        for (long r = 0; r < positions; r++)
        {
            rows[r] = r;
        }
        return new DenseSynapses(rows, weights);
    }

    /// <summary>Builds the matrix from (position, target, weight) triples.</summary>
    public static DenseSynapses Build(IEnumerable<(long Position, int Target, float Weight)> synapses, int size)
    {
        var list = synapses.ToList();
        var rows = list.Select(s => s.Position).Distinct().Order().ToArray();
        var rowOf = new Dictionary<long, int>(rows.Length);
        for (int r = 0; r < rows.Length; r++)
        {
            rowOf[rows[r]] = r;
        }
        var weights = new float[checked((long)rows.Length * size)];
        foreach (var (position, target, weight) in list)
        {
            weights[(long)rowOf[position] * size + target] += weight;
        }
        return new DenseSynapses(rows, weights);
    }
}
