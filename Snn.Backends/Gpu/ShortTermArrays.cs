using ILGPU;

namespace Snn.Backends.Gpu;

/// <summary>
/// Tsodyks–Markram short-term plasticity on the device, laid out as the CPU engine's
/// <c>ShortTermState</c>: one entry per presynaptic neuron of each projection with short-term
/// plasticity, numbered from 1 (entry 0 has the factor 1), its parameter set, state u, x and last
/// spike step, and the factor u·x of the spike it emitted in each ring slot.
/// </summary>
internal struct ShortTermArrays
{
    /// <summary>Entries of neuron n: Entries[EntryStart[n] .. EntryStart[n + 1]).</summary>
    public ArrayView<int> EntryStart;

    /// <summary>Entry numbers, grouped by neuron.</summary>
    public ArrayView<int> Entries;

    /// <summary>Parameter set of each entry.</summary>
    public ArrayView<int> SetOf;

    /// <summary>U of each parameter set.</summary>
    public ArrayView<double> BigU;

    /// <summary>τ_rec (ms) of each parameter set.</summary>
    public ArrayView<double> TauRec;

    /// <summary>τ_fac (ms) of each parameter set, 0 for none.</summary>
    public ArrayView<double> TauFac;

    /// <summary>Reset interval (steps) of each parameter set, 0 for none.</summary>
    public ArrayView<long> ResetSteps;

    /// <summary>Release probability u per entry.</summary>
    public ArrayView<double> U;

    /// <summary>Available resources x per entry.</summary>
    public ArrayView<double> X;

    /// <summary>Step of each entry's last spike, −1 for none.</summary>
    public ArrayView<long> Last;

    /// <summary>Factor u·x of each entry's spike per ring slot, slot-major.</summary>
    public ArrayView<float> Factors;

    /// <summary>Entry of each static synapse.</summary>
    public ArrayView<int> SynapseEntry;

    /// <summary>Number of entries, entry 0 included.</summary>
    public int Count;

    /// <summary>Time step (ms).</summary>
    public double Dt;
}
