namespace Snn.Core.Models;

/// <summary>
/// A contiguous block of neurons in structure-of-arrays form, with the synaptic input and
/// injected current of one step: what a vectorised model update works on. A block whose neurons
/// receive no injected current may leave the current span empty (<see cref="HasCurrent"/> is then
/// false): every update reads it as 0 pA without touching memory.
/// </summary>
public readonly ref struct NeuronBlock
{
    /// <summary>Creates a block over the given spans, all of the same length, at step 0 of a
    /// population whose first neuron is the block's first (see the overload with a context).</summary>
    public NeuronBlock(Span<float> v, Span<float> u, Span<float> synE, Span<float> synI, Span<int> refractory,
        ReadOnlySpan<float> inputExcitatory, ReadOnlySpan<float> inputInhibitory, ReadOnlySpan<float> current)
        : this(v, u, synE, synI, refractory, inputExcitatory, inputInhibitory, current, default)
    {
    }

    /// <summary>Creates a block over the given spans, all of the same length.</summary>
    /// <param name="v">Membrane potentials (mV).</param>
    /// <param name="u">Recovery variables.</param>
    /// <param name="synE">Excitatory synaptic variables.</param>
    /// <param name="synI">Inhibitory synaptic variables.</param>
    /// <param name="refractory">Refractory countdowns (steps).</param>
    /// <param name="inputExcitatory">Excitatory input arriving this step.</param>
    /// <param name="inputInhibitory">Inhibitory input arriving this step.</param>
    /// <param name="current">Injected current this step (pA): the block's length, or empty when no
    /// neuron of the block receives injected current (read as 0 pA).</param>
    /// <param name="context">The step context of the block's first neuron: seed, noise stream, step
    /// and that neuron's index in its population (neuron k of the block is
    /// <c>context.Neuron + k</c>).</param>
    public NeuronBlock(Span<float> v, Span<float> u, Span<float> synE, Span<float> synI, Span<int> refractory,
        ReadOnlySpan<float> inputExcitatory, ReadOnlySpan<float> inputInhibitory, ReadOnlySpan<float> current, StepContext context)
    {
        int n = v.Length;
        if (u.Length != n || synE.Length != n || synI.Length != n || refractory.Length != n
            || inputExcitatory.Length != n || inputInhibitory.Length != n)
        {
            throw new ArgumentException($"All spans of a neuron block must have length {n}.", nameof(v));
        }
        if (current.Length != n && !current.IsEmpty)
        {
            throw new ArgumentException($"current.Length = {current.Length} must equal the block length {n}, or be 0 for a block without injected current.",
                nameof(current));
        }
        V = v;
        U = u;
        SynE = synE;
        SynI = synI;
        Refractory = refractory;
        InputExcitatory = inputExcitatory;
        InputInhibitory = inputInhibitory;
        Current = current;
        Context = context;
    }

    /// <summary>Membrane potentials (mV).</summary>
    public Span<float> V { get; }

    /// <summary>Recovery variables.</summary>
    public Span<float> U { get; }

    /// <summary>Excitatory synaptic variables.</summary>
    public Span<float> SynE { get; }

    /// <summary>Inhibitory synaptic variables.</summary>
    public Span<float> SynI { get; }

    /// <summary>Refractory countdowns (steps).</summary>
    public Span<int> Refractory { get; }

    /// <summary>Excitatory input arriving this step.</summary>
    public ReadOnlySpan<float> InputExcitatory { get; }

    /// <summary>Inhibitory input arriving this step.</summary>
    public ReadOnlySpan<float> InputInhibitory { get; }

    /// <summary>Injected current this step (pA); empty when <see cref="HasCurrent"/> is false.</summary>
    public ReadOnlySpan<float> Current { get; }

    /// <summary>Whether the block carries injected currents; when false every neuron's current is 0 pA.</summary>
    public bool HasCurrent => !Current.IsEmpty;

    /// <summary>The step context of the block's first neuron (the step index, for example, is
    /// <c>Context.Step</c>).</summary>
    public StepContext Context { get; }

    /// <summary>The step context of neuron <paramref name="index"/> of the block.</summary>
    public StepContext ContextOf(int index) => Context with { Neuron = Context.Neuron + index };

    /// <summary>Number of neurons in the block.</summary>
    public int Length => V.Length;
}
