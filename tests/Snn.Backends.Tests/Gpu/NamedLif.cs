using Snn.Core.Models;

namespace Snn.Backends.Tests.Gpu;

/// <summary>A LIF model that carries a string: not an unmanaged struct, so it cannot live in device memory.</summary>
public struct NamedLif : INeuronModel<NamedLif>
{
    /// <summary>A label (a reference-type field).</summary>
    public string Label;

    /// <inheritdoc />
    public readonly string ModelName => "named-lif";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.Current;

    /// <inheritdoc />
    public readonly void Validate()
    {
    }

    /// <inheritdoc />
    public readonly NeuronState InitialState() => new() { V = -70 };

    /// <inheritdoc />
    public readonly NamedLif Prepare(double dt) => this;

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        state.V += inputExcitatory;
        return state.V > -50;
    }
}
