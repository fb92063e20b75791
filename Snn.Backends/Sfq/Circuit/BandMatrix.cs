namespace Snn.Backends.Sfq.Circuit;

/// <summary>A dense square matrix factored and solved within a known half bandwidth (LU without
/// pivoting: the solver's Jacobians are dominated by their positive definite mass term).</summary>
internal sealed class BandMatrix(int size, int bandwidth)
{
    public readonly double[] Values = new double[size * size];

    public int Size => size;

    public void CopyFrom(BandMatrix other) => Array.Copy(other.Values, Values, Values.Length);

    public void Add(int row, int column, double value) => Values[row * size + column] += value;

    /// <summary>Adds a two-terminal stamp of conductance <paramref name="g"/> between nodes a and b (−1: ground).</summary>
    public void Stamp(int a, int b, double g)
    {
        if (a >= 0)
        {
            Values[a * size + a] += g;
        }
        if (b >= 0)
        {
            Values[b * size + b] += g;
        }
        if (a >= 0 && b >= 0)
        {
            Values[a * size + b] -= g;
            Values[b * size + a] -= g;
        }
    }

    /// <summary>Adds the stamp of a current g θ_cd flowing from node a to node b, with θ_cd = φ_c − φ_d (−1: ground).</summary>
    public void StampTransfer(int a, int b, int c, int d, double g)
    {
        AddIfNodes(a, c, g);
        AddIfNodes(a, d, -g);
        AddIfNodes(b, c, -g);
        AddIfNodes(b, d, g);
    }

    /// <summary>Solves A x = rhs in place (rhs becomes x), destroying A.</summary>
    public void SolveInPlace(Span<double> rhs)
    {
        var a = Values;
        int n = size;
        for (int k = 0; k < n; k++)
        {
            double pivot = a[k * n + k];
            if (!(Math.Abs(pivot) > 1e-300))
            {
                throw new InvalidOperationException($"Singular circuit Jacobian at node {k}: a node without a path to ground through junctions.");
            }
            int last = Math.Min(n - 1, k + bandwidth);
            for (int i = k + 1; i <= last; i++)
            {
                double factor = a[i * n + k] / pivot;
                if (factor == 0)
                {
                    continue;
                }
                for (int j = k + 1; j <= last; j++)
                {
                    a[i * n + j] -= factor * a[k * n + j];
                }
                rhs[i] -= factor * rhs[k];
            }
        }
        for (int k = n - 1; k >= 0; k--)
        {
            double sum = rhs[k];
            int last = Math.Min(n - 1, k + bandwidth);
            for (int j = k + 1; j <= last; j++)
            {
                sum -= a[k * n + j] * rhs[j];
            }
            rhs[k] = sum / a[k * n + k];
        }
    }

    private void AddIfNodes(int row, int column, double value)
    {
        if (row >= 0 && column >= 0)
        {
            Values[row * size + column] += value;
        }
    }
}
