using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Snn.Core.Models;

/// <summary>
/// Vector loads and stores of a <see cref="NeuronBlock"/>'s arrays at a neuron index, for block
/// updates written with <see cref="Vector{T}"/>. The index must leave a whole vector inside the
/// block (i ≤ Length − <see cref="Vector{T}.Count"/>); loads and stores are not bounds-checked.
/// </summary>
public readonly ref struct BlockLanes
{
    private readonly ref float _v;
    private readonly ref float _u;
    private readonly ref float _synE;
    private readonly ref float _synI;
    private readonly ref int _refractory;
    private readonly ref float _inputE;
    private readonly ref float _inputI;
    private readonly ref float _current;
    private readonly bool _hasCurrent;

    /// <summary>Creates the accessor over <paramref name="block"/>'s arrays.</summary>
    public BlockLanes(in NeuronBlock block)
    {
        _v = ref MemoryMarshal.GetReference(block.V);
        _u = ref MemoryMarshal.GetReference(block.U);
        _synE = ref MemoryMarshal.GetReference(block.SynE);
        _synI = ref MemoryMarshal.GetReference(block.SynI);
        _refractory = ref MemoryMarshal.GetReference(block.Refractory);
        _inputE = ref MemoryMarshal.GetReference(block.InputExcitatory);
        _inputI = ref MemoryMarshal.GetReference(block.InputInhibitory);
        _current = ref MemoryMarshal.GetReference(block.Current);
        _hasCurrent = block.HasCurrent;
    }

    /// <summary>Membrane potentials from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<float> V(int i) => Vector.LoadUnsafe(ref _v, (nuint)i);

    /// <summary>Recovery variables from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<float> U(int i) => Vector.LoadUnsafe(ref _u, (nuint)i);

    /// <summary>Excitatory synaptic variables from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<float> SynE(int i) => Vector.LoadUnsafe(ref _synE, (nuint)i);

    /// <summary>Inhibitory synaptic variables from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<float> SynI(int i) => Vector.LoadUnsafe(ref _synI, (nuint)i);

    /// <summary>Refractory countdowns from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<int> Refractory(int i) => Vector.LoadUnsafe(ref _refractory, (nuint)i);

    /// <summary>Excitatory input of this step from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<float> InputExcitatory(int i) => Vector.LoadUnsafe(ref _inputE, (nuint)i);

    /// <summary>Inhibitory input of this step from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<float> InputInhibitory(int i) => Vector.LoadUnsafe(ref _inputI, (nuint)i);

    /// <summary>Injected current of this step (pA) from neuron <paramref name="i"/> on; zero, without a
    /// memory access, for a block without injected current (<see cref="NeuronBlock.HasCurrent"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<float> Current(int i) => _hasCurrent ? Vector.LoadUnsafe(ref _current, (nuint)i) : Vector<float>.Zero;

    /// <summary>Stores membrane potentials from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreV(int i, Vector<float> value) => value.StoreUnsafe(ref _v, (nuint)i);

    /// <summary>Stores recovery variables from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreU(int i, Vector<float> value) => value.StoreUnsafe(ref _u, (nuint)i);

    /// <summary>Stores excitatory synaptic variables from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreSynE(int i, Vector<float> value) => value.StoreUnsafe(ref _synE, (nuint)i);

    /// <summary>Stores inhibitory synaptic variables from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreSynI(int i, Vector<float> value) => value.StoreUnsafe(ref _synI, (nuint)i);

    /// <summary>Stores refractory countdowns from neuron <paramref name="i"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreRefractory(int i, Vector<int> value) => value.StoreUnsafe(ref _refractory, (nuint)i);
}
