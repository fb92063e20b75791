namespace Snn.Backends.Sfq;

/// <summary>One reported circuit error.</summary>
/// <param name="TimePs">When it happened (ps).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Element">Which cell: a population and neuron or a projection and synapse.</param>
public sealed record SfqError(double TimePs, SfqErrorKind Kind, string Element);
