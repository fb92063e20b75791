using Snn.Backends.Sfq;

namespace Snn.Experiments.Sfq;

/// <summary>
/// A row of the margin table: the contiguous range of a bias scale, around nominal, over which all
/// four patterns are classified correctly (every swept point inside passes), with its
/// conditions. Low and High are NaN when the nominal point itself fails.
/// </summary>
/// <param name="Parameter">What was swept: "global" or a projection's name.</param>
/// <param name="Condition">The operating conditions (jitter, spread) of the sweep.</param>
/// <param name="Low">Lowest passing bias scale.</param>
/// <param name="High">Highest passing bias scale.</param>
/// <param name="NominalSeparationGhz">Classification margin at nominal bias (GHz).</param>
public sealed record XorBiasWindow(string Parameter, string Condition, double Low, double High, double NominalSeparationGhz)
{
    /// <summary>Lower margin in percent of nominal (negative).</summary>
    public double LowMarginPercent => (Low - 1) * 100;

    /// <summary>Upper margin in percent of nominal.</summary>
    public double HighMarginPercent => (High - 1) * 100;
}
