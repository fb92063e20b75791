namespace Snn.Core.Interop.Nir;

/// <summary>A NIR edge: the output of node <paramref name="Source"/> feeds the input of node
/// <paramref name="Destination"/> without delay or weight (several edges into one node add up).
/// A name may address a node inside a nested graph as <c>graph.node</c>.</summary>
/// <param name="Source">The name of the sending node.</param>
/// <param name="Destination">The name of the receiving node.</param>
public readonly record struct NirEdge(string Source, string Destination);
