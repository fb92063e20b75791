using Snn.Core.Randomness;

namespace Snn.Core.Connections;

/// <summary>Draws k indices from [0, n) with or without repetition, optionally excluding one index.</summary>
internal static class DistinctSampler
{
    /// <summary>Fills <paramref name="chosen"/> with k draws, sorted ascending.</summary>
    public static void Draw(ref CounterRng rng, int n, int k, int excluded, bool allowRepeats, List<int> chosen, HashSet<int> seen, string description)
    {
        chosen.Clear();
        int available = excluded >= 0 && excluded < n ? n - 1 : n;
        if (k == 0)
        {
            return;
        }
        if (available <= 0 || (!allowRepeats && k > available))
        {
            throw new ArgumentOutOfRangeException("k", k, $"k = {k} exceeds the {available} candidates of {description} (allow multapses or lower k).");
        }
        if (allowRepeats)
        {
            for (int i = 0; i < k; i++)
            {
                int value;
                do
                {
                    value = rng.NextInt(n);
                }
                while (value == excluded);
                chosen.Add(value);
            }
        }
        else
        {
            seen.Clear();
            while (chosen.Count < k)
            {
                int value = rng.NextInt(n);
                if (value != excluded && seen.Add(value))
                {
                    chosen.Add(value);
                }
            }
        }
        chosen.Sort();
    }
}
