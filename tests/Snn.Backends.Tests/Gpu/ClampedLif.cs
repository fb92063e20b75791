using Snn.Core.Models;

namespace Snn.Backends.Tests.Gpu;

/// <summary>A LIF model whose step calls <c>Math.Clamp</c>, whose argument check throws, which
/// ILGPU cannot compile for a GPU (the CPU accelerator runs it as .NET code).</summary>
public struct ClampedLif : INeuronModel<ClampedLif>
{
    /// <inheritdoc />
    public readonly string ModelName => "clamped-lif";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.Current;

    /// <inheritdoc />
    public readonly void Validate()
    {
    }

    /// <inheritdoc />
    public readonly NeuronState InitialState() => new() { V = -70 };

    /// <inheritdoc />
    public readonly ClampedLif Prepare(double dt) => this;

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        state.V = Math.Clamp(state.V + inputExcitatory + inputInhibitory, -90f, 0f);
        return state.V > -50;
    }
}
