namespace Snn.Backends.Sfq;

/// <summary>The timing of one interconnect cell measured in the circuit solver at one temperature
/// and global bias scale (a row of <see cref="SfqCalibratedTables.Cells"/>).</summary>
/// <param name="Cell">The cell's <see cref="SfqCell.Name"/> (JTL, S, M).</param>
/// <param name="TemperatureK">Temperature (K).</param>
/// <param name="BiasScale">Global bias scale of the interconnect.</param>
/// <param name="DelayPs">Mean delay (ps); NaN where no pulse passed.</param>
/// <param name="JitterPs">Standard deviation of the delay (ps); NaN with fewer than two pulses.</param>
/// <param name="DeliveredShare">Share of the pulses sent that reached the cell's output, in [0, 1].</param>
public sealed record CellTimingPoint(string Cell, double TemperatureK, double BiasScale, double DelayPs, double JitterPs, double DeliveredShare)
{
    /// <summary>Least <see cref="DeliveredShare"/> of a working cell.</summary>
    public const double WorkingShare = 0.95;

    /// <summary>Whether the cell passed at least <see cref="WorkingShare"/> of its pulses.</summary>
    public bool Works => DeliveredShare >= WorkingShare && double.IsFinite(DelayPs);
}
