using ILGPU;

namespace Snn.Backends.Gpu;

/// <summary>The device state of all neurons as structure of arrays, indexed by global neuron number.</summary>
internal struct NeuronArrays
{
    /// <summary>Membrane potentials (mV).</summary>
    public ArrayView<float> V;

    /// <summary>Recovery variables.</summary>
    public ArrayView<float> U;

    /// <summary>Excitatory synaptic variables.</summary>
    public ArrayView<float> SynE;

    /// <summary>Inhibitory synaptic variables.</summary>
    public ArrayView<float> SynI;

    /// <summary>Refractory countdowns (steps).</summary>
    public ArrayView<int> Refractory;

    /// <summary>Injected current of the current step (pA).</summary>
    public ArrayView<float> Current;
}
