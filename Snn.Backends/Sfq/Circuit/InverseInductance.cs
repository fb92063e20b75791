namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// The inverse of a circuit's inductance matrix, per group of magnetically coupled inductors:
/// branch currents I = Γ Φ with Γ = L⁻¹. Written as Γ_ij = (K⁻¹)_ij / √(L_i L_j) with K the
/// matrix of coupling coefficients (ones on its diagonal), so that a coupling of k = 0 leaves
/// Γ_ii = 1 / L_i exactly.
/// </summary>
internal static class InverseInductance
{
    /// <summary>Γ_ij (1/pH) for every pair of inductors joined by a coupling group, i ≠ j, and the
    /// diagonal factor (K⁻¹)_ii per inductor (1 for an uncoupled one).</summary>
    public static (double[] Diagonal, List<(int Row, int Column, double Value)> OffDiagonal) Compute(
        IReadOnlyList<CircuitInductor> inductors, IReadOnlyList<CircuitMutualInductance> couplings)
    {
        var diagonal = new double[inductors.Count];
        Array.Fill(diagonal, 1.0);
        var offDiagonal = new List<(int, int, double)>();
        foreach (var group in Groups(inductors.Count, couplings))
        {
            if (group.Count < 2)
            {
                continue;
            }
            var inverse = Invert(CouplingMatrix(group, couplings));
            for (int a = 0; a < group.Count; a++)
            {
                diagonal[group[a]] = inverse[a, a];
                for (int b = 0; b < group.Count; b++)
                {
                    if (a != b)
                    {
                        double scale = Math.Sqrt(inductors[group[a]].InductancePh * inductors[group[b]].InductancePh);
                        offDiagonal.Add((group[a], group[b], inverse[a, b] / scale));
                    }
                }
            }
        }
        return (diagonal, offDiagonal);
    }

    /// <summary>Whether the coupling matrix of the group holding <paramref name="inductor"/> is positive
    /// definite (a physical, passive set of coupled inductors).</summary>
    public static bool IsPositiveDefinite(int inductorCount, IReadOnlyList<CircuitMutualInductance> couplings, int inductor)
    {
        var group = Groups(inductorCount, couplings).First(g => g.Contains(inductor));
        var k = CouplingMatrix(group, couplings);
        int n = group.Count;
        for (int col = 0; col < n; col++)
        {
            double pivot = k[col, col];
            for (int p = 0; p < col; p++)
            {
                pivot -= k[col, p] * k[col, p];
            }
            if (!(pivot > 1e-12))
            {
                return false;
            }
            k[col, col] = Math.Sqrt(pivot);
            for (int row = col + 1; row < n; row++)
            {
                double sum = k[row, col];
                for (int p = 0; p < col; p++)
                {
                    sum -= k[row, p] * k[col, p];
                }
                k[row, col] = sum / k[col, col];
            }
        }
        return true;
    }

    private static double[,] CouplingMatrix(List<int> group, IReadOnlyList<CircuitMutualInductance> couplings)
    {
        int n = group.Count;
        var k = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            k[i, i] = 1;
        }
        foreach (var coupling in couplings)
        {
            int a = group.IndexOf(coupling.First), b = group.IndexOf(coupling.Second);
            if (a >= 0 && b >= 0)
            {
                k[a, b] += coupling.Coupling;
                k[b, a] += coupling.Coupling;
            }
        }
        return k;
    }

    private static double[,] Invert(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var inverse = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            inverse[i, i] = 1;
        }
        for (int col = 0; col < n; col++)
        {
            double pivot = a[col, col];
            for (int j = 0; j < n; j++)
            {
                a[col, j] /= pivot;
                inverse[col, j] /= pivot;
            }
            for (int row = 0; row < n; row++)
            {
                double factor = a[row, col];
                if (row == col || factor == 0)
                {
                    continue;
                }
                for (int j = 0; j < n; j++)
                {
                    a[row, j] -= factor * a[col, j];
                    inverse[row, j] -= factor * inverse[col, j];
                }
            }
        }
        return inverse;
    }

    private static List<List<int>> Groups(int inductorCount, IReadOnlyList<CircuitMutualInductance> couplings)
    {
        var parent = Enumerable.Range(0, inductorCount).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        foreach (var coupling in couplings)
        {
            parent[Root(coupling.First)] = Root(coupling.Second);
        }
        return [.. Enumerable.Range(0, inductorCount).GroupBy(Root).Select(g => g.ToList())];
    }
}
