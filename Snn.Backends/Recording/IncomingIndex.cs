namespace Snn.Backends.Recording;

/// <summary>
/// The synapses of each target, for postsynaptic plasticity events: a CSR index over positions,
/// <c>Positions[Start[t] .. Start[t + 1])</c> being the positions (in ascending order) of the
/// synapses whose target is t. Every engine's plastic projection builds one; the crossbar's also keys
/// its arrivals by (delay tile set, source) with it.
/// </summary>
internal static class IncomingIndex
{
    /// <summary>Builds the index of <paramref name="targetOfPosition"/> (the local target of every synapse position) over <paramref name="targets"/> targets.</summary>
    public static (int[] Start, int[] Positions) Build(int targets, ReadOnlySpan<int> targetOfPosition)
    {
        var start = new int[targets + 1];
        foreach (int target in targetOfPosition)
        {
            start[target + 1]++;
        }
        for (int t = 0; t < targets; t++)
        {
            start[t + 1] += start[t];
        }
        var cursor = (int[])start.Clone();
        var positions = new int[targetOfPosition.Length];
        for (int position = 0; position < positions.Length; position++)
        {
            positions[cursor[targetOfPosition[position]]++] = position;
        }
        return (start, positions);
    }
}
