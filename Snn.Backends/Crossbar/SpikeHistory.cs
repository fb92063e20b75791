namespace Snn.Backends.Crossbar;

/// <summary>The spikes (global neuron ids, ascending) of the last <c>depth</c> steps: plastic tile sets
/// read their rows when a spike arrives, a delay after it was emitted.</summary>
internal sealed class SpikeHistory(int depth, int neurons)
{
    private readonly int[][] _spikes = Enumerable.Range(0, depth).Select(_ => new int[neurons]).ToArray();
    private readonly int[] _counts = new int[depth];
    private readonly long[] _steps = Enumerable.Repeat(-1L, depth).ToArray();

    /// <summary>Keeps the spikes of <paramref name="step"/>, overwriting those of step − depth.</summary>
    public void Record(long step, ReadOnlySpan<int> fired)
    {
        int slot = (int)(step % _spikes.Length);
        fired.CopyTo(_spikes[slot]);
        _counts[slot] = fired.Length;
        _steps[slot] = step;
    }

    /// <summary>The spikes of <paramref name="step"/>; empty before the run or beyond the depth.</summary>
    public ReadOnlySpan<int> At(long step)
    {
        if (step < 0)
        {
            return [];
        }
        int slot = (int)(step % _spikes.Length);
        return _steps[slot] == step ? _spikes[slot].AsSpan(0, _counts[slot]) : [];
    }
}
