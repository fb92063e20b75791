using System.Numerics.Tensors;
using Snn.Core.Validation;

namespace Snn.Learning.Readout;

/// <summary>
/// Ridge regression onto one-hot targets, the classic LSM readout (Maass et al. 2002; Lukoševičius
/// &amp; Jaeger 2009): W = (XᵀX + λI)⁻¹XᵀY with an unpenalised bias, solved by Cholesky in double
/// precision; the prediction is the class with the largest output.
/// </summary>
public sealed class RidgeReadout : LinearReadout
{
    private RidgeReadout(float[][] weights, float[] biases, double penalty)
        : base(weights, biases)
    {
        Penalty = penalty;
    }

    /// <summary>The ridge penalty λ used.</summary>
    public double Penalty { get; }

    /// <summary>Fits the readout.</summary>
    /// <param name="features">Training features, one array per sample, all of the same length ≥ 1.</param>
    /// <param name="labels">Labels in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">Number of classes, ≥ 2.</param>
    /// <param name="penalty">λ, ≥ 0 (0 needs XᵀX to be positive definite).</param>
    public static RidgeReadout Fit(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, double penalty)
    {
        Guard.InRange(classes, 2, int.MaxValue, nameof(classes));
        Guard.NonNegative(penalty, nameof(penalty));
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            throw new ArgumentException("features is empty.", nameof(features));
        }
        int f = features[0]?.Length ?? 0;
        Guard.PositiveCount(f, "features[0].Length");
        ReadoutData.Check(features, labels, classes, f);
        int d = f + 1;
        var gram = new double[d * d];
        var rhs = new double[d * classes];
        var x = new double[d];
        for (int s = 0; s < features.Count; s++)
        {
            var row = features[s];
            for (int i = 0; i < f; i++)
            {
                x[i] = row[i];
            }
            x[f] = 1;
            for (int i = 0; i < d; i++)
            {
                double xi = x[i];
                if (xi != 0)
                {
                    TensorPrimitives.MultiplyAdd(x.AsSpan(i), xi, gram.AsSpan(i * d + i, d - i), gram.AsSpan(i * d + i, d - i));
                    rhs[i * classes + labels[s]] += xi;
                }
            }
        }
        for (int i = 0; i < f; i++)
        {
            gram[i * d + i] += penalty;
        }
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < i; j++)
            {
                gram[i * d + j] = gram[j * d + i];
            }
        }
        Cholesky(gram, d);
        var weights = new float[classes][];
        var biases = new float[classes];
        var column = new double[d];
        for (int c = 0; c < classes; c++)
        {
            for (int i = 0; i < d; i++)
            {
                column[i] = rhs[i * classes + c];
            }
            Solve(gram, d, column);
            weights[c] = new float[f];
            for (int i = 0; i < f; i++)
            {
                weights[c][i] = (float)column[i];
            }
            biases[c] = (float)column[f];
        }
        return new RidgeReadout(weights, biases, penalty);
    }

    /// <summary>In-place lower Cholesky factor L (A = LLᵀ) in the lower triangle.</summary>
    private static void Cholesky(double[] a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double diagonal = a[j * n + j] - TensorPrimitives.Dot<double>(a.AsSpan(j * n, j), a.AsSpan(j * n, j));
            if (!(diagonal > 0))
            {
                throw new ArgumentException($"XᵀX + λI is not positive definite at row {j} (pivot {diagonal}); raise penalty.", "penalty");
            }
            double l = Math.Sqrt(diagonal);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++)
            {
                a[i * n + j] = (a[i * n + j] - TensorPrimitives.Dot<double>(a.AsSpan(i * n, j), a.AsSpan(j * n, j))) / l;
            }
        }
    }

    /// <summary>Solves LLᵀy = b in place.</summary>
    private static void Solve(double[] l, int n, double[] b)
    {
        for (int i = 0; i < n; i++)
        {
            b[i] = (b[i] - TensorPrimitives.Dot<double>(l.AsSpan(i * n, i), b.AsSpan(0, i))) / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= l[k * n + i] * b[k];
            }
            b[i] = sum / l[i * n + i];
        }
    }
}
