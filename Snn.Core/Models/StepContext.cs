namespace Snn.Core.Models;

/// <summary>
/// Where a neuron update happens: the seed, the population's noise stream, the step and the
/// neuron index. Stochastic models draw their per-step numbers from
/// <see cref="Randomness.Philox.UniformFloat"/> keyed by these, so every backend and thread
/// count draws the same numbers.
/// </summary>
/// <param name="Seed">The network seed.</param>
/// <param name="Stream">The population's noise stream (<see cref="Randomness.RngStreams.NeuronNoise"/>).</param>
/// <param name="Step">The index of the time step being computed.</param>
/// <param name="Neuron">The neuron's index within its population.</param>
public readonly record struct StepContext(ulong Seed, uint Stream, long Step, int Neuron)
{
    /// <summary>The uniform float in [0, 1) that belongs to this neuron and step.</summary>
    public float Uniform() => Randomness.Philox.UniformFloat(Seed, (ulong)Step, Stream, (uint)Neuron);
}
