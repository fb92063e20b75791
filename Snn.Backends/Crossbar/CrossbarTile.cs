using Snn.Core.Validation;

namespace Snn.Backends.Crossbar;

/// <summary>
/// One physical crossbar array: <see cref="Rows"/> word lines driven from the left (column 0 side) and
/// <see cref="Columns"/> bit lines sensed at the bottom (below the last row) by virtual-ground
/// amplifiers. A read applies V to the active rows (the others are grounded; 1T1R access transistors
/// block sneak paths) and returns each column's current, by Ohm's and Kirchhoff's laws:
/// <code>
/// ideal:  I_j = Σ_{i active} V·G_ij
/// wire (IR) drop, first order (one Jacobi step of the nodal equations, exact to first order in r·G):
///   I⁰_ij = V·G_ij                                       (ideal cell currents)
///   V_row(i,j) = V − r·Σ_{k≤j} Σ_{m≥k} I⁰_im              (row segment k carries the currents beyond it)
///   V_col(i,j) = r·Σ_{k≥i} Σ_{m≤k, m active} I⁰_mj        (column segment below row k carries those above)
///   I_ij = G_ij·max(V_row(i,j) − V_col(i,j), 0),   I_j = Σ_i I_ij
/// </code>
/// with r the wire resistance of one cell pitch (Ω). Far columns and rows far from the sense
/// amplifiers lose the most current. Conductances in µS, voltages in V, currents in µA.
/// </summary>
public sealed class CrossbarTile
{
    private readonly double[] _conductance;

    /// <summary>Creates an array with every cell at 0 µS (unformed).</summary>
    /// <param name="rows">Word lines, ≥ 1.</param>
    /// <param name="columns">Bit lines, ≥ 1.</param>
    public CrossbarTile(int rows, int columns)
    {
        Rows = Guard.PositiveCount(rows, nameof(rows));
        Columns = Guard.PositiveCount(columns, nameof(columns));
        _conductance = new double[(long)rows * columns];
    }

    /// <summary>Number of word lines.</summary>
    public int Rows { get; }

    /// <summary>Number of bit lines.</summary>
    public int Columns { get; }

    /// <summary>The conductances (µS), row-major: cell (i, j) at i·Columns + j.</summary>
    public Span<double> Conductances => _conductance;

    /// <summary>The conductance (µS) of cell (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public double this[int row, int column]
    {
        get => _conductance[row * Columns + column];
        set => _conductance[row * Columns + column] = value;
    }

    /// <summary>Reads the array: applies <paramref name="voltage"/> to <paramref name="activeRows"/> (ascending,
    /// distinct) and writes every column's current (µA) to <paramref name="currents"/>.</summary>
    /// <param name="activeRows">The driven rows, ascending.</param>
    /// <param name="voltage">Read voltage (V), &gt; 0.</param>
    /// <param name="wireResistance">Wire resistance per cell pitch (Ω), ≥ 0.</param>
    /// <param name="currents">Output, length <see cref="Columns"/>.</param>
    /// <param name="amplitudes">Empty (every row at <paramref name="voltage"/>), or one relative pulse
    /// amplitude per active row, each in [0, 1]: row k is driven with voltage·amplitudes[k].</param>
    public void Read(ReadOnlySpan<int> activeRows, double voltage, double wireResistance, Span<double> currents, ReadOnlySpan<double> amplitudes = default)
    {
        Guard.Positive(voltage, nameof(voltage));
        Guard.NonNegative(wireResistance, nameof(wireResistance));
        if (currents.Length != Columns)
        {
            throw new ArgumentException($"currents has length {currents.Length}; the tile has {Columns} columns.", nameof(currents));
        }
        for (int k = 0; k < activeRows.Length; k++)
        {
            if (activeRows[k] < 0 || activeRows[k] >= Rows || (k > 0 && activeRows[k] <= activeRows[k - 1]))
            {
                throw new ArgumentOutOfRangeException(nameof(activeRows), activeRows[k], $"activeRows[{k}] = {activeRows[k]} must be in [0, {Rows}) and ascending.");
            }
        }
        if (!amplitudes.IsEmpty && amplitudes.Length != activeRows.Length)
        {
            throw new ArgumentException($"amplitudes has length {amplitudes.Length}; it must be empty or have one value per active row ({activeRows.Length}).", nameof(amplitudes));
        }
        for (int k = 0; k < amplitudes.Length; k++)
        {
            if (!(amplitudes[k] >= 0 && amplitudes[k] <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(amplitudes), amplitudes[k], $"amplitudes[{k}] = {amplitudes[k]} must be in [0, 1].");
            }
        }
        ReadUnchecked(_conductance, Rows, Columns, 0, Columns, activeRows, voltage, wireResistance, currents, new ReadScratch(activeRows.Length, Columns), amplitudes);
    }

    /// <summary>The read of <see cref="Read"/> over columns [first, first + count) of a row-major
    /// conductance block with <paramref name="stride"/> columns, without argument checks (hot path).
    /// <paramref name="activeRows"/> are absolute row indices; the column wires end (at the sense
    /// amplifiers) below row <paramref name="rowEnd"/> − 1. When <paramref name="amplitudes"/> is not
    /// empty, active row k is driven with <paramref name="voltage"/>·amplitudes[k] (a scaled word-line
    /// pulse) instead of <paramref name="voltage"/>; an amplitude of 1 gives the same arithmetic as none.</summary>
    internal static void ReadUnchecked(double[] conductance, int rowEnd, int stride, int first, int count, ReadOnlySpan<int> activeRows,
        double voltage, double wireResistance, Span<double> currents, ReadScratch scratch, ReadOnlySpan<double> amplitudes = default)
    {
        currents.Clear();
        bool scaled = !amplitudes.IsEmpty;
        if (wireResistance == 0)
        {
            for (int k = 0; k < activeRows.Length; k++)
            {
                var g = conductance.AsSpan(activeRows[k] * stride + first, count);
                if (scaled)
                {
                    double a = amplitudes[k];
                    for (int j = 0; j < count; j++)
                    {
                        currents[j] += a * g[j];
                    }
                    continue;
                }
                for (int j = 0; j < count; j++)
                {
                    currents[j] += g[j];
                }
            }
            for (int j = 0; j < count; j++)
            {
                currents[j] *= voltage;
            }
            return;
        }
        int n = activeRows.Length;
        var rowVoltage = scratch.RowVoltage.AsSpan(0, n * count);
        for (int k = 0; k < n; k++)
        {
            var g = conductance.AsSpan(activeRows[k] * stride + first, count);
            var v = rowVoltage.Slice(k * count, count);
            double driven = scaled ? voltage * amplitudes[k] : voltage;
            double beyond = 0;
            for (int j = count - 1; j >= 0; j--)
            {
                beyond += driven * g[j];
                v[j] = beyond;
            }
            double drop = 0;
            for (int j = 0; j < count; j++)
            {
                drop += wireResistance * v[j] * 1e-6;
                v[j] = driven - drop;
            }
        }
        var above = scratch.ColumnSum.AsSpan(0, count);
        var columnVoltage = scratch.ColumnVoltage.AsSpan(0, n * count);
        above.Clear();
        for (int k = 0; k < n; k++)
        {
            var g = conductance.AsSpan(activeRows[k] * stride + first, count);
            var cumulative = columnVoltage.Slice(k * count, count);
            double driven = scaled ? voltage * amplitudes[k] : voltage;
            for (int j = 0; j < count; j++)
            {
                above[j] += driven * g[j];
                cumulative[j] = above[j];
            }
        }
        var tail = scratch.ColumnTail.AsSpan(0, count);
        tail.Clear();
        for (int k = n - 1; k >= 0; k--)
        {
            int next = k + 1 < n ? activeRows[k + 1] : rowEnd;
            int segments = next - activeRows[k];
            var cumulative = columnVoltage.Slice(k * count, count);
            for (int j = 0; j < count; j++)
            {
                tail[j] += cumulative[j] * segments;
                cumulative[j] = wireResistance * tail[j] * 1e-6;
            }
        }
        for (int k = 0; k < n; k++)
        {
            var g = conductance.AsSpan(activeRows[k] * stride + first, count);
            var vr = rowVoltage.Slice(k * count, count);
            var vc = columnVoltage.Slice(k * count, count);
            for (int j = 0; j < count; j++)
            {
                currents[j] += g[j] * Math.Max(vr[j] - vc[j], 0);
            }
        }
    }
}
