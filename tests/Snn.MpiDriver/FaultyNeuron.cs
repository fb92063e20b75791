using Snn.Core.Models;

namespace Snn.MpiDriver;

/// <summary>A neuron that never fires and throws when neuron <see cref="FailingNeuron"/> reaches step
/// <see cref="FailingStep"/>: a fault that happens on the one rank that owns that neuron.</summary>
public readonly struct FaultyNeuron : INeuronModel<FaultyNeuron>
{
    /// <summary>The population-local neuron that fails.</summary>
    public int FailingNeuron { get; init; }

    /// <summary>The step at which it fails.</summary>
    public long FailingStep { get; init; }

    /// <inheritdoc />
    public string ModelName => "faulty";

    /// <inheritdoc />
    public SynapseKind SynapseKind => SynapseKind.Current;

    /// <inheritdoc />
    public void Validate()
    {
    }

    /// <inheritdoc />
    public NeuronState InitialState() => default;

    /// <inheritdoc />
    public FaultyNeuron Prepare(double dt) => this;

    /// <inheritdoc />
    public bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        if (context.Neuron == FailingNeuron && context.Step == FailingStep)
        {
            throw new InvalidOperationException($"injected fault in neuron {context.Neuron} at step {context.Step}");
        }
        return false;
    }
}
