namespace Snn.Backends.Crossbar;

/// <summary>How the periphery turns a requested weight change into a whole number of programming pulses
/// n = |Δw| / Δw_pulse, where Δw_pulse is the mean step (the weight range over the pulses of a full sweep).</summary>
public enum PulseRounding
{
    /// <summary>Rounds to the nearest count (NeuroSim's truncation at 0.5): changes under half a step are lost.</summary>
    Nearest,

    /// <summary>Rounds up with probability equal to the fraction (⌊q⌋ + Bernoulli(q − ⌊q⌋)), so the expected count
    /// is exact, as aihwkit's stochastic pulse trains make it; the draw comes from the chip's seeded generator.</summary>
    Stochastic,
}
