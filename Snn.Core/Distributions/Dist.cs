using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Core.Distributions;

/// <summary>
/// A distribution of values for weights, delays and initial states. Samples come from the
/// counter-based generator, so a seed fixes them everywhere. A plain number converts to
/// <see cref="Constant"/>.
/// </summary>
public abstract class Dist
{
    /// <summary>Draws one value.</summary>
    public abstract double Sample(ref CounterRng rng);

    /// <summary>Whether <see cref="SampleFromFirstBlocks"/> can give <see cref="Sample"/>'s values from
    /// new generators' first blocks, so that the first blocks of many synapses can be drawn at once
    /// (<see cref="Philox.Blocks"/>).</summary>
    internal virtual bool SamplesFromFirstBlock => false;

    /// <summary>For each generator whose first block is <c>firsts[i]</c>, the value <see cref="Sample"/>
    /// returns, computed from that block alone, into <c>values[i]</c>, with <c>complete[i]</c> true; or
    /// <c>complete[i]</c> false where the value needs a later block (a clipped normal's redraw), which
    /// the caller then draws through <see cref="Sample"/>.</summary>
    internal virtual void SampleFromFirstBlocks(ReadOnlySpan<Block4> firsts, Span<double> values, Span<bool> complete)
        => complete[..firsts.Length].Clear();

    /// <summary>The smallest value the distribution can produce.</summary>
    public abstract double Minimum { get; }

    /// <summary>The largest value the distribution can produce.</summary>
    public abstract double Maximum { get; }

    /// <summary>The same value every time.</summary>
    /// <param name="value">The value, finite.</param>
    public static Dist Constant(double value) => new ConstantDist(Guard.Finite(value, nameof(value)));

    /// <summary>Uniform on [low, high).</summary>
    /// <param name="low">Lower bound, finite.</param>
    /// <param name="high">Upper bound, finite and ≥ low.</param>
    public static Dist Uniform(double low, double high) => new UniformDist(low, high);

    /// <summary>Normal with the given mean and standard deviation, redrawn until it lies in [min, max]
    /// (NEST's and PyNN's <c>normal_clipped</c>).</summary>
    /// <param name="mean">Mean, finite.</param>
    /// <param name="sd">Standard deviation, ≥ 0.</param>
    /// <param name="min">Smallest accepted value.</param>
    /// <param name="max">Largest accepted value.</param>
    public static Dist Normal(double mean, double sd, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
        => new NormalDist(mean, sd, min, max);

    /// <summary>Log-normal: exp(N(mu, sigma²)).</summary>
    /// <param name="mu">Mean of the underlying normal, finite.</param>
    /// <param name="sigma">Standard deviation of the underlying normal, ≥ 0.</param>
    public static Dist LogNormal(double mu, double sigma) => new LogNormalDist(mu, sigma);

    /// <summary>One given value per element, in order (for weights and delays: one per synapse in
    /// the order the connectivity generates them; for initial states: one per neuron).</summary>
    /// <param name="values">The values, all finite.</param>
    public static Dist Explicit(double[] values) => new ExplicitValues(values);

    /// <summary>Converts a number to a constant distribution.</summary>
    public static implicit operator Dist(double value) => Constant(value);
}
