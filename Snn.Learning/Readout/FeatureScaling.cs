namespace Snn.Learning.Readout;

/// <summary>
/// Feature normalisations for the readouts. The one of Ivanov &amp; Michmizos (2021): a sample's
/// spike counts c become c/‖c‖₁ (all zeros for a silent liquid), and every feature is divided by
/// the largest such value over a reference batch (the training set) so that features lie in [0, 1]
/// there. And standardisation: every feature becomes (x − mean)/sd with the mean and standard
/// deviation of a reference batch.
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

    /// <summary>
    /// Standardises features in place: feature j becomes (x − μⱼ)/σⱼ, with μⱼ and σⱼ the mean and the
    /// population standard deviation (divisor n) of feature j over <paramref name="reference"/> (the
    /// training set), computed before any batch changes. A feature with σⱼ ≤ 1e-9 there (constant on
    /// the reference) becomes 0 everywhere.
    /// </summary>
    /// <param name="reference">The batch whose statistics are used, at least one sample, all of one length.</param>
    /// <param name="batches">The batches to standardise (the reference among them if it is to be standardised too), rows of the reference's length.</param>
    public static void Standardize(IReadOnlyList<float[]> reference, params IReadOnlyList<float[]>[] batches)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(batches);
        if (reference.Count == 0)
        {
            throw new ArgumentException("reference is empty; its mean and standard deviation are needed.", nameof(reference));
        }
        int d = reference[0]?.Length ?? throw new ArgumentNullException(nameof(reference), "reference[0] is null.");
        var mean = new double[d];
        var squares = new double[d];
        for (int s = 0; s < reference.Count; s++)
        {
            var row = reference[s];
            if (row is null || row.Length != d)
            {
                throw new ArgumentException($"reference[{s}] must have {d} values like reference[0].", nameof(reference));
            }
            for (int j = 0; j < d; j++)
            {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++)
        {
            mean[j] /= reference.Count;
        }
        foreach (var row in reference)
        {
            for (int j = 0; j < d; j++)
            {
                squares[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        var inverse = new double[d];
        for (int j = 0; j < d; j++)
        {
            double sd = Math.Sqrt(squares[j] / reference.Count);
            inverse[j] = sd > 1e-9 ? 1 / sd : 0;
        }
        for (int b = 0; b < batches.Length; b++)
        {
            var batch = batches[b] ?? throw new ArgumentNullException(nameof(batches), $"batches[{b}] is null.");
            for (int s = 0; s < batch.Count; s++)
            {
                if (batch[s] is null || batch[s].Length != d)
                {
                    throw new ArgumentException($"batches[{b}][{s}] must have {d} values like the reference.", nameof(batches));
                }
            }
        }
        var done = new HashSet<float[]>(ReferenceEqualityComparer.Instance);
        foreach (var batch in batches)
        {
            foreach (var row in batch)
            {
                if (!done.Add(row))
                {
                    continue;
                }
                for (int j = 0; j < d; j++)
                {
                    row[j] = (float)((row[j] - mean[j]) * inverse[j]);
                }
            }
        }
    }
}
