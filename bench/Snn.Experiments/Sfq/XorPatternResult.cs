using Snn.Backends.Sfq;

namespace Snn.Experiments.Sfq;

/// <summary>The XOR network's response to one input pattern.</summary>
/// <param name="A">Input A.</param>
/// <param name="B">Input B.</param>
/// <param name="Expected">A XOR B.</param>
/// <param name="OutputRateGhz">Output pulse rate over the window (GHz).</param>
/// <param name="Output">Whether the rate exceeds the decision rate (the class read out).</param>
/// <param name="LatencyPs">First output pulse minus first input pulse (ps); NaN when either is missing.</param>
/// <param name="Report">Energy, junction and error report of the run.</param>
public sealed record XorPatternResult(bool A, bool B, bool Expected, double OutputRateGhz, bool Output, double LatencyPs, SfqReport Report)
{
    /// <summary>Whether the pattern is classified correctly.</summary>
    public bool Correct => Output == Expected;
}
