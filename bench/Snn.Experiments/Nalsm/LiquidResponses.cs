using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>What a liquid did during a set of presentations.</summary>
/// <param name="Counts">Spike count of every liquid neuron, one array per sample.</param>
/// <param name="Branching">The branching factor over the first presentations (see <see cref="NalsmOptions.BranchingSamples"/>).</param>
/// <param name="MeanRateHz">Mean firing rate of the liquid over all presentations (Hz).</param>
/// <param name="Seconds">Wall-clock time of the presentations (s).</param>
public sealed record LiquidResponses(int[][] Counts, BranchingFactor Branching, double MeanRateHz, double Seconds);
