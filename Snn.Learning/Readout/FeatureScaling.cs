namespace Snn.Learning.Readout;

/// <summary>
/// The feature normalisation of Ivanov &amp; Michmizos (2021): a sample's spike counts c become
/// c/‖c‖₁ (all zeros for a silent liquid), and every feature is divided by the largest such value
/// over a reference batch (the training set) so that features lie in [0, 1] there.
/// </summary>
public static class FeatureScaling
{
    /// <summary>c/‖c‖₁ per sample.</summary>
    /// <param name="counts">Non-negative spike counts, one array per sample.</param>
    public static float[][] L1Normalize(IReadOnlyList<int[]> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var result = new float[counts.Count][];
        for (int s = 0; s < result.Length; s++)
        {
            var c = counts[s] ?? throw new ArgumentNullException(nameof(counts), $"counts[{s}] is null.");
            long sum = 0;
            for (int i = 0; i < c.Length; i++)
            {
                if (c[i] < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(counts), c[i], $"counts[{s}][{i}] = {c[i]} must be >= 0.");
                }
                sum += c[i];
            }
            var row = new float[c.Length];
            if (sum > 0)
            {
                for (int i = 0; i < c.Length; i++)
                {
                    row[i] = (float)(c[i] / (double)sum);
                }
            }
            result[s] = row;
        }
        return result;
    }

    /// <summary>The largest value of a batch (0 for an empty or all-zero batch).</summary>
    public static float Maximum(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        float max = 0;
        foreach (var row in features)
        {
            foreach (float v in row)
            {
                max = Math.Max(max, v);
            }
        }
        return max;
    }

    /// <summary>Divides every value by <paramref name="maximum"/> in place (nothing happens when it is 0).</summary>
    /// <param name="features">The features.</param>
    /// <param name="maximum">The reference maximum, ≥ 0.</param>
    public static void Scale(IReadOnlyList<float[]> features, float maximum)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (!(maximum >= 0) || !float.IsFinite(maximum))
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, $"maximum = {maximum} must be finite and >= 0.");
        }
        if (maximum == 0)
        {
            return;
        }
        float inverse = 1 / maximum;
        foreach (var row in features)
        {
            for (int i = 0; i < row.Length; i++)
            {
                row[i] *= inverse;
            }
        }
    }
}
