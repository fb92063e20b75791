using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>
/// The values of the network's modulators. Each partition keeps its own copy and advances it from
/// the same spike counts, so all threads see identical values without sharing writes.
/// </summary>
internal sealed class ModulatorState
{
    private readonly Modulator[] _modulators;
    private readonly float[] _decay;
    private readonly float[][] _values;
    private readonly int[][][] _spikes;

    public ModulatorState(Network network, int parts)
    {
        _modulators = [.. network.Modulators];
        _decay = _modulators.Select(m => (float)Math.Exp(-network.Dt / m.TauMs)).ToArray();
        _values = new float[parts][];
        for (int p = 0; p < parts; p++)
        {
            _values[p] = _modulators.Select(m => (float)m.Baseline).ToArray();
        }
        _spikes = new int[2][][];
        for (int b = 0; b < 2; b++)
        {
            _spikes[b] = new int[parts][];
            for (int p = 0; p < parts; p++)
            {
                _spikes[b][p] = new int[_modulators.Length];
            }
        }
    }

    public int Count => _modulators.Length;

    /// <summary>Counts the spikes of each modulator's source among a partition's spikes of one step.</summary>
    public void CountSpikes(int buffer, int part, ReadOnlySpan<int> spikes)
    {
        var counts = _spikes[buffer][part];
        for (int m = 0; m < _modulators.Length; m++)
        {
            var source = _modulators[m].Source;
            int count = 0;
            if (source is not null)
            {
                foreach (int neuron in spikes)
                {
                    if (neuron >= source.Offset && neuron < source.Offset + source.Size)
                    {
                        count++;
                    }
                }
            }
            counts[m] = count;
        }
    }

    /// <summary>Advances a partition's copy by one step, after all partitions have counted.</summary>
    public void Advance(int buffer, int part)
    {
        var values = _values[part];
        for (int m = 0; m < _modulators.Length; m++)
        {
            int spikes = 0;
            foreach (var counts in _spikes[buffer])
            {
                spikes += counts[m];
            }
            float baseline = (float)_modulators[m].Baseline;
            values[m] = baseline + (values[m] - baseline) * _decay[m] + (float)_modulators[m].GainPerSpike * spikes;
        }
    }

    public float Value(int part, Modulator? modulator) => modulator is null ? 0f : _values[part][modulator.Index];

    public double Get(Modulator modulator) => _values[0][modulator.Index];

    public void Set(Modulator modulator, double value)
    {
        foreach (var values in _values)
        {
            values[modulator.Index] = (float)value;
        }
    }

    public float[] Snapshot() => (float[])_values[0].Clone();

    public void Restore(float[] values)
    {
        foreach (var copy in _values)
        {
            values.CopyTo(copy, 0);
        }
    }
}
