using Snn.Core.Validation;

namespace Snn.Core.Inputs;

/// <summary>A constant current switched on at <see cref="StartMs"/> and off at <see cref="StopMs"/>
/// (NEST's <c>dc_generator</c>).</summary>
public sealed class DcCurrent : CurrentSource
{
    /// <summary>Creates the source.</summary>
    /// <param name="amplitudePa">Amplitude (pA), finite.</param>
    /// <param name="startMs">Switch-on time (ms), ≥ 0.</param>
    /// <param name="stopMs">Switch-off time (ms), ≥ start; infinity for never.</param>
    public DcCurrent(double amplitudePa, double startMs = 0, double stopMs = double.PositiveInfinity)
    {
        AmplitudePa = Guard.Finite(amplitudePa, nameof(amplitudePa));
        StartMs = Guard.NonNegative(startMs, nameof(startMs));
        if (double.IsNaN(stopMs) || stopMs < startMs)
        {
            throw new ArgumentOutOfRangeException(nameof(stopMs), stopMs, $"stopMs = {stopMs} must be >= startMs = {startMs}.");
        }
        StopMs = stopMs;
    }

    /// <summary>Amplitude (pA).</summary>
    public double AmplitudePa { get; }

    /// <summary>Switch-on time (ms).</summary>
    public double StartMs { get; }

    /// <summary>Switch-off time (ms).</summary>
    public double StopMs { get; }

    /// <inheritdoc />
    public override PreparedCurrent Prepare(double dt)
    {
        long start = (long)Math.Round(StartMs / dt);
        if (double.IsPositiveInfinity(StopMs))
        {
            return new PreparedCurrent([start], [(float)AmplitudePa]);
        }
        long stop = (long)Math.Round(StopMs / dt);
        return new PreparedCurrent([start, stop], [(float)AmplitudePa, 0f]);
    }
}
