namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// An ideal current source feeding a node from ground. DC at <see cref="CurrentUa"/> when
/// <see cref="RampEndPs"/> ≤ <see cref="RampStartPs"/>; otherwise a ramp: <see cref="RampFromUa"/>
/// until <see cref="RampStartPs"/>, linear to <see cref="CurrentUa"/> at <see cref="RampEndPs"/>, then DC.
/// </summary>
/// <param name="Node">The node fed.</param>
/// <param name="CurrentUa">DC (final) current (µA), finite.</param>
/// <param name="RampFromUa">Current before the ramp (µA).</param>
/// <param name="RampStartPs">Start of the ramp (ps).</param>
/// <param name="RampEndPs">End of the ramp (ps).</param>
public sealed record CircuitBias(int Node, double CurrentUa, double RampFromUa = 0, double RampStartPs = 0, double RampEndPs = 0)
{
    /// <summary>The current at <paramref name="timePs"/> (µA).</summary>
    /// <param name="timePs">Time (ps).</param>
    public double CurrentAt(double timePs)
    {
        if (RampEndPs <= RampStartPs || timePs >= RampEndPs)
        {
            return CurrentUa;
        }
        if (timePs <= RampStartPs)
        {
            return RampFromUa;
        }
        return RampFromUa + (CurrentUa - RampFromUa) * (timePs - RampStartPs) / (RampEndPs - RampStartPs);
    }
}
