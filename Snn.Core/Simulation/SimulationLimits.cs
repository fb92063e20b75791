namespace Snn.Core.Simulation;

/// <summary>
/// The explicit limits of Snn's engines, checked up front so that a typo (a duration in seconds
/// written as 1e300, a time step of 1e-300 ms) gets an error that names the limit and the way
/// around it instead of a run that never ends or fills the memory.
/// </summary>
public static class SimulationLimits
{
    /// <summary>The most steps one <see cref="ISimulation.Run"/> call simulates (2³¹ − 1: about 59 h of
    /// simulated time at dt = 0.1 ms). Longer runs are several calls, which also lets a caller drain
    /// recorded spikes or save checkpoints in between.</summary>
    public const long MaxStepsPerRun = int.MaxValue;

    /// <summary>The smallest time step a network accepts (ms): 1e-12 ms = 1 fs, well below the
    /// picosecond steps of superconducting circuits.</summary>
    public const double MinDt = 1e-12;

    /// <summary>The largest time step a network accepts (ms).</summary>
    public const double MaxDt = 1000;

    /// <summary>The most synapses one projection holds: the largest .NET array (2 147 483 591).
    /// Connecting more means several projections, for example one per part of the target population.</summary>
    public const int MaxSynapsesPerProjection = 0x7FFFFFC7;

    /// <summary>Requires <paramref name="synapses"/> to fit in one projection.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxSynapsesPerProjection"/> synapses.</exception>
    public static long RequireSynapseCount(long synapses, string? projection = null)
    {
        if (synapses > MaxSynapsesPerProjection)
        {
            string which = projection is null ? "one projection" : $"projection {projection}";
            throw new ArgumentException($"The connectivity needs {synapses} synapses in {which}; a projection holds at most "
                + $"{MaxSynapsesPerProjection} (the largest .NET array). Split it into several projections, for example "
                + "one per part of the target population.", "connectivity");
        }
        return synapses;
    }

    /// <summary>The number of whole steps of <paramref name="dt"/> in <paramref name="durationMs"/>,
    /// which must be ≥ 0 and at most <see cref="MaxStepsPerRun"/> steps.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative, not finite, or too long for one call.</exception>
    public static long StepsOf(double durationMs, double dt)
    {
        if (!double.IsFinite(durationMs) || durationMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(durationMs), durationMs, $"durationMs = {durationMs} must be finite and >= 0.");
        }
        double steps = Math.Round(durationMs / dt);
        if (steps > MaxStepsPerRun)
        {
            throw new ArgumentOutOfRangeException(nameof(durationMs), durationMs,
                $"durationMs = {durationMs} is {steps:G4} steps of dt = {dt} ms; one Run call simulates at most {MaxStepsPerRun} steps "
                + $"({MaxStepsPerRun * dt:G4} ms): run it as several calls (the simulation continues where the last call stopped).");
        }
        return (long)steps;
    }
}
