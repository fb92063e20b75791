using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>What the liquid did during one chunk of presentations (<see cref="NalsmOptions.ChunkSamples"/>
/// consecutive samples of a split, simulated by one network): everything
/// <see cref="LiquidSimulator.Present"/> needs to combine it with the other chunks.</summary>
/// <param name="Counts">Spike count of every liquid neuron, one array per sample of the chunk.</param>
/// <param name="Spikes">Liquid spikes over the chunk's presentations.</param>
/// <param name="Branching">The branching factor's accumulators over the chunk's measured presentations
/// (zero when the chunk lies after <see cref="NalsmOptions.BranchingSamples"/>).</param>
public sealed record LiquidChunk(int[][] Counts, long Spikes, BranchingTotals Branching);
