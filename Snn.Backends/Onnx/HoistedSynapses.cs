namespace Snn.Backends.Onnx;

/// <summary>
/// The synapses of one receiving group that read one precomputed spike series: either a matrix
/// over every column of the series' shifted stack ([steps, batch, delays·width], one block per
/// stacked delay), or per-source lists delivered by the spikes themselves (one scatter-add of the
/// synapses of every spike of the run).
/// </summary>
internal sealed class HoistedSynapses
{
    public HoistedSynapses(int series, DenseSynapses? dense, EventSynapses? events)
    {
        Series = series;
        Dense = dense;
        Events = events;
    }

    /// <summary>The series read.</summary>
    public int Series { get; }

    /// <summary>The matrix form, a row for every stack column, or null.</summary>
    public DenseSynapses? Dense { get; }

    /// <summary>The spike-driven form, or null: per series column, codes delay · size + target.</summary>
    public EventSynapses? Events { get; }
}
