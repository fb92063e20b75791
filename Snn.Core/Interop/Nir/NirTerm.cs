namespace Snn.Core.Interop.Nir;

/// <summary>One source of a <see cref="NirSignal"/> channel: a neuron of a source population seen
/// through a delay of whole steps (beyond the one step every Snn synapse takes).</summary>
/// <param name="Source">The index of the source population among the importer's sources.</param>
/// <param name="Neuron">The neuron within it.</param>
/// <param name="DelaySteps">Extra delay (steps), ≥ 0.</param>
internal readonly record struct NirTerm(int Source, int Neuron, int DelaySteps);
