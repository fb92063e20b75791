using Snn.Backends.Crossbar;

namespace Snn.Experiments.Crossbar;

/// <summary>One input sample of a liquid state machine as spike events in a window of time bins:
/// input <c>Inputs[e]</c> spikes in bin <c>Steps[e]</c> (0-based, below the recipe's WindowSteps).</summary>
/// <param name="Steps">Time bin of each event.</param>
/// <param name="Inputs">Input channel of each event.</param>
/// <param name="Label">Class label, ≥ 0.</param>
public sealed record LsmSample(int[] Steps, int[] Inputs, int Label);
