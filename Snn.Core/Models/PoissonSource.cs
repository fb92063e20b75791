using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// An input neuron that fires as a Poisson process (Bernoulli per step with p = rate · dt), like
/// NEST's <c>poisson_generator</c> feeding <c>parrot_neuron</c>s or Brian2's <c>PoissonGroup</c>.
/// Each neuron and step draws from the counter-based generator, so the train is the same on every
/// backend and thread count. It takes no synaptic input.
/// </summary>
public struct PoissonSource : INeuronModel<PoissonSource>
{
    private float _probability;

    /// <summary>Creates a source firing at <paramref name="rateHz"/>.</summary>
    /// <param name="rateHz">Mean firing rate (Hz), ≥ 0.</param>
    public PoissonSource(double rateHz)
    {
        RateHz = rateHz;
    }

    /// <summary>Mean firing rate (Hz), ≥ 0 and at most 1/dt.</summary>
    public double RateHz { get; init; }

    /// <inheritdoc />
    public readonly string ModelName => "poisson-source";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.None;

    /// <inheritdoc />
    public readonly void Validate() => Guard.NonNegative(RateHz, nameof(RateHz));

    /// <inheritdoc />
    public readonly NeuronState InitialState() => default;

    /// <inheritdoc />
    public readonly PoissonSource Prepare(double dt)
    {
        Guard.Positive(dt, nameof(dt));
        double probability = RateHz * dt / 1000.0;
        if (probability > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RateHz), RateHz, $"RateHz = {RateHz} must be at most 1/dt = {1000.0 / dt} Hz.");
        }
        var prepared = this;
        prepared._probability = (float)probability;
        return prepared;
    }

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
        => context.Uniform() < _probability;
}
