namespace Snn.Backends.Crossbar;

/// <summary>One line of a <see cref="CostReport"/>.</summary>
/// <param name="Name">What is counted or estimated.</param>
/// <param name="Value">Its value.</param>
/// <param name="Unit">Its unit ("J", "s", "count").</param>
/// <param name="Provenance">Whether it is counted, modelled, measured or a pre-silicon estimate.</param>
/// <param name="Source">The per-operation constant used and where it comes from.</param>
public sealed record CostItem(string Name, double Value, string Unit, CostProvenance Provenance, string Source);
