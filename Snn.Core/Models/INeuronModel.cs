namespace Snn.Core.Models;

/// <summary>What every neuron model tells the network builder, independent of its state type.</summary>
public interface INeuronModel
{
    /// <summary>The model's name as shown in tables and errors.</summary>
    string ModelName { get; }

    /// <summary>How the model receives synaptic input, which fixes the unit and sign of weights.</summary>
    SynapseKind SynapseKind { get; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid parameter.</summary>
    void Validate();

    /// <summary>The state a neuron starts in when no initial distribution is given.</summary>
    NeuronState InitialState();
}

/// <summary>
/// A neuron model as a struct: parameters plus the propagators precomputed for one time step.
/// Engines are generic over <typeparamref name="TModel"/>, so the JIT (and ILGPU) specialise the
/// update; one struct runs on every backend.
/// </summary>
/// <typeparam name="TModel">The model type itself.</typeparam>
public interface INeuronModel<TModel> : INeuronModel where TModel : struct, INeuronModel<TModel>
{
    /// <summary>Returns a copy with the step propagators computed for <paramref name="dt"/> (ms).</summary>
    TModel Prepare(double dt);

    /// <summary>
    /// Advances one neuron by one time step of the prepared dt.
    /// </summary>
    /// <param name="state">The neuron's state, updated in place.</param>
    /// <param name="inputExcitatory">Excitatory synaptic input arriving this step (unit per <see cref="SynapseKind"/>).</param>
    /// <param name="inputInhibitory">Inhibitory synaptic input arriving this step (unit per <see cref="SynapseKind"/>).</param>
    /// <param name="current">Injected current during this step (pA).</param>
    /// <param name="context">Seed, stream, step and neuron for stochastic models.</param>
    /// <returns>True when the neuron emits a spike at the end of this step.</returns>
    bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context);
}
