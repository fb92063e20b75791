using Snn.Core;
using Snn.Core.Randomness;

namespace Snn.Backends.Crossbar;

/// <summary>
/// The cells of one projection's synapses of one delay, laid out as a dense source × target matrix of
/// differential pairs (physical column 2c holds G+, 2c+1 holds G− of target c) and cut into tiles of
/// TileRows × TileColumns. Cells that hold no synapse are never formed (0 µS). Conductances are
/// those at inference time (programmed, faulted, drifted), in µS.
/// </summary>
internal sealed class TileSet
{
    public TileSet(Projection projection, int delaySteps, int tileRows, int tileColumns)
    {
        Projection = projection;
        DelaySteps = delaySteps;
        Sources = projection.Source.Size;
        Targets = projection.Target.Size;
        Stride = 2 * Targets;
        TileRows = tileRows;
        TileTargets = tileColumns / 2;
        Conductance = new double[(long)Sources * Stride];
        Used = new bool[(long)Sources * Targets];
        RowConductance = new double[Sources];
        RowBlocks = (Sources + tileRows - 1) / tileRows;
        ColumnBlocks = (Targets + TileTargets - 1) / TileTargets;
    }

    public Projection Projection { get; }

    public int DelaySteps { get; }

    public int Sources { get; }

    public int Targets { get; }

    /// <summary>Physical columns of the whole set (2 × targets).</summary>
    public int Stride { get; }

    public int TileRows { get; }

    /// <summary>Weights (column pairs) per tile.</summary>
    public int TileTargets { get; }

    public int RowBlocks { get; }

    public int ColumnBlocks { get; }

    public int TileCount => RowBlocks * ColumnBlocks;

    /// <summary>Read-time conductances (µS), row-major [source, 2·target + polarity].</summary>
    public double[] Conductance { get; }

    /// <summary>Whether cell pair (source, target) holds a synapse.</summary>
    public bool[] Used { get; }

    /// <summary>Whether each physical cell (same layout as <see cref="Conductance"/>) is stuck and ignores
    /// programming pulses; kept only for plastic projections, null otherwise.</summary>
    public bool[]? Stuck { get; set; }

    /// <summary>Σ over the row's cells of G (µS), for the read energy.</summary>
    public double[] RowConductance { get; }

    /// <summary>Weight units per µS of conductance difference, including drift compensation.</summary>
    public double OutputScale { get; set; }

    /// <summary>The effective weight of cell pair (source, target) (unit of the target model).</summary>
    public double Weight(int source, int target)
    {
        long at = (long)source * Stride + 2 * target;
        return (Conductance[at] - Conductance[at + 1]) * OutputScale;
    }

    /// <summary>
    /// Programs one cell: target → programming noise and device gain → stuck-at fault → drift to the
    /// read time. Always draws the same numbers in the same order, so switching one non-ideality on or
    /// off leaves the other draws unchanged (common random numbers across a sweep).
    /// </summary>
    /// <returns>The programmed (t₀) and read-time conductances and the fault.</returns>
    public static (double Programmed, double Read, CellFault Fault) ProgramCell(double target, bool programmed, CrossbarOptions options, ref CounterRng rng)
    {
        var device = options.Device;
        double writeNoise = rng.NextNormal();
        double gain = rng.NextNormal();
        double u = rng.NextDouble();
        double nuNoise = rng.NextNormal();
        double g = target;
        if (programmed)
        {
            g = (target + device.ProgrammingSigma(target) * writeNoise) * (1 + device.DeviceToDevice * gain);
            g = Math.Max(g, 0);
        }
        if (u < device.StuckOnRate)
        {
            return (device.GMax, device.GMax, CellFault.StuckOn);
        }
        if (u < device.StuckOnRate + device.StuckOffRate)
        {
            return (device.GMin, device.GMin, CellFault.StuckOff);
        }
        double read = g;
        if (options.TimeSinceProgramming > 0 && (device.DriftNuMean > 0 || device.DriftNuStd > 0))
        {
            double nu = Math.Abs(device.DriftNuMean + device.DriftNuStd * nuNoise);
            read = g * Math.Pow((options.TimeSinceProgramming + device.DriftT0) / device.DriftT0, -nu);
        }
        return (g, read, CellFault.None);
    }
}
