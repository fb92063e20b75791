namespace Snn.Core.Models;

/// <summary>
/// A contiguous block of neurons in structure-of-arrays form, with the synaptic input and
/// injected current of one step: what a vectorised model update works on.
/// </summary>
public readonly ref struct NeuronBlock
{
    /// <summary>Creates a block over the given spans, all of the same length.</summary>
    public NeuronBlock(Span<float> v, Span<float> u, Span<float> synE, Span<float> synI, Span<int> refractory,
        ReadOnlySpan<float> inputExcitatory, ReadOnlySpan<float> inputInhibitory, ReadOnlySpan<float> current)
    {
        int n = v.Length;
        if (u.Length != n || synE.Length != n || synI.Length != n || refractory.Length != n
            || inputExcitatory.Length != n || inputInhibitory.Length != n || current.Length != n)
        {
            throw new ArgumentException($"All spans of a neuron block must have length {n}.", nameof(v));
        }
        V = v;
        U = u;
        SynE = synE;
        SynI = synI;
        Refractory = refractory;
        InputExcitatory = inputExcitatory;
        InputInhibitory = inputInhibitory;
        Current = current;
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

    /// <summary>Injected current this step (pA).</summary>
    public ReadOnlySpan<float> Current { get; }

    /// <summary>Number of neurons in the block.</summary>
    public int Length => V.Length;
}
