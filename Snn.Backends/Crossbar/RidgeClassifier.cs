namespace Snn.Backends.Crossbar;

/// <summary>
/// The default readout of the crossbar experiments: features standardised on the training set, then
/// ridge regression onto one-hot targets with a bias, W = (XᵀX + λI)⁻¹XᵀY solved by Cholesky
/// (λ = <see cref="Penalty"/>, bias unpenalised); the class is the largest output.
/// </summary>
internal static class RidgeClassifier
{
    public const double Penalty = 1.0;

    public static Func<float[], int> Train(float[][] features, int[] labels, int classes)
    {
        int n = features.Length;
        int d = features[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        foreach (var row in features)
        {
            for (int j = 0; j < d; j++)
            {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++)
        {
            mean[j] /= n;
        }
        foreach (var row in features)
        {
            for (int j = 0; j < d; j++)
            {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++)
        {
            double sd = Math.Sqrt(scale[j] / n);
            scale[j] = sd > 1e-9 ? 1 / sd : 0;
        }
        int m = d + 1;
        var gram = new double[m * m];
        var rhs = new double[m * classes];
        var x = new double[m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                x[j] = (features[i][j] - mean[j]) * scale[j];
            }
            x[d] = 1;
            for (int a = 0; a < m; a++)
            {
                if (x[a] == 0)
                {
                    continue;
                }
                for (int b = 0; b <= a; b++)
                {
                    gram[a * m + b] += x[a] * x[b];
                }
                rhs[a * classes + labels[i]] += x[a];
            }
        }
        for (int a = 0; a < m; a++)
        {
            for (int b = 0; b < a; b++)
            {
                gram[b * m + a] = gram[a * m + b];
            }
            gram[a * m + a] += a < d ? Penalty : 1e-9;
        }
        var weights = Solve(gram, rhs, m, classes);
        return input =>
        {
            int best = 0;
            double bestScore = double.NegativeInfinity;
            for (int c = 0; c < classes; c++)
            {
                double score = weights[d * classes + c];
                for (int j = 0; j < d; j++)
                {
                    score += (input[j] - mean[j]) * scale[j] * weights[j * classes + c];
                }
                if (score > bestScore)
                {
                    bestScore = score;
                    best = c;
                }
            }
            return best;
        };
    }

    private static double[] Solve(double[] a, double[] b, int m, int k)
    {
        for (int j = 0; j < m; j++)
        {
            double sum = a[j * m + j];
            for (int p = 0; p < j; p++)
            {
                sum -= a[j * m + p] * a[j * m + p];
            }
            double diagonal = Math.Sqrt(Math.Max(sum, 1e-12));
            a[j * m + j] = diagonal;
            for (int i = j + 1; i < m; i++)
            {
                double s = a[i * m + j];
                for (int p = 0; p < j; p++)
                {
                    s -= a[i * m + p] * a[j * m + p];
                }
                a[i * m + j] = s / diagonal;
            }
        }
        for (int c = 0; c < k; c++)
        {
            for (int i = 0; i < m; i++)
            {
                double s = b[i * k + c];
                for (int p = 0; p < i; p++)
                {
                    s -= a[i * m + p] * b[p * k + c];
                }
                b[i * k + c] = s / a[i * m + i];
            }
            for (int i = m - 1; i >= 0; i--)
            {
                double s = b[i * k + c];
                for (int p = i + 1; p < m; p++)
                {
                    s -= a[p * m + i] * b[p * k + c];
                }
                b[i * k + c] = s / a[i * m + i];
            }
        }
        return b;
    }
}
