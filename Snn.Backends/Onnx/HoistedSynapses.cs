namespace Snn.Backends.Onnx;

/// <summary>
/// The synapses of one receiving group that read one precomputed spike series, laid out over that
/// series' shifted stack ([steps, batch, delays·width], one block per stacked delay): a matrix over
/// every stack column (no gather), a matrix over the columns used (one gather), or per-target lists
/// (gather, multiply, sum over the in-degree).
/// </summary>
internal sealed class HoistedSynapses
{
    public HoistedSynapses(int series, DenseSynapses? dense, bool fullStack, SparseSynapses? sparse)
    {
        Series = series;
        Dense = dense;
        FullStack = fullStack;
        Sparse = sparse;
    }

    /// <summary>The series read.</summary>
    public int Series { get; }

    /// <summary>The matrix form, or null.</summary>
    public DenseSynapses? Dense { get; }

    /// <summary>True when <see cref="Dense"/> has a row for every stack column, so no gather is needed.</summary>
    public bool FullStack { get; }

    /// <summary>The list form, or null.</summary>
    public SparseSynapses? Sparse { get; }
}
