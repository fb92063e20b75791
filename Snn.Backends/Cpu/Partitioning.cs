namespace Snn.Backends.Cpu;

/// <summary>Splits the global neuron range into contiguous parts, one per thread.</summary>
internal sealed class Partitioning
{
    private readonly int[] _bounds;

    public Partitioning(int neurons, int parts)
    {
        parts = Math.Max(1, Math.Min(parts, neurons));
        _bounds = new int[parts + 1];
        for (int p = 0; p <= parts; p++)
        {
            _bounds[p] = (int)((long)neurons * p / parts);
        }
    }

    public int Count => _bounds.Length - 1;

    public int Start(int part) => _bounds[part];

    public int End(int part) => _bounds[part + 1];

    /// <summary>The part that owns <paramref name="neuron"/>: a linear scan, since there are only
    /// as many parts as threads and this runs once per synapse while the network is built.</summary>
    public int PartOf(int neuron)
    {
        int part = 0;
        while (part < _bounds.Length - 2 && neuron >= _bounds[part + 1])
        {
            part++;
        }
        return part;
    }
}
