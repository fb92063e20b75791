using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Snn.Core.Models;

/// <summary>
/// The pieces a block update is made of: the per-neuron loop through a model's
/// <see cref="INeuronModel{TModel}.Step"/> (the engine's update for models without a block update,
/// and the tail of a vectorised one when the block length is not a multiple of the vector width),
/// the loop of a vectorised one over the block, and the spike rule and collection of spiking lanes.
/// </summary>
public static class BlockUpdate
{
    /// <summary>
    /// Advances neurons [<paramref name="from"/>, block length) of <paramref name="block"/> one at a
    /// time through <paramref name="model"/>'s <c>Step</c> and appends the indices of those that
    /// spiked to <paramref name="spikes"/> from position <paramref name="count"/> on.
    /// </summary>
    /// <returns>The new number of spikes written.</returns>
    public static int StepEach<TModel>(in TModel model, in NeuronBlock block, int from, Span<int> spikes, int count)
        where TModel : struct, INeuronModel<TModel>
    {
        if ((uint)from > (uint)block.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"from = {from} must be in [0, {block.Length}].");
        }
        TModel local = model;
        return Step(ref local, 0, block, from, spikes, count);
    }

    /// <summary>
    /// Advances every neuron k of <paramref name="block"/> through its own model
    /// <paramref name="models"/>[k] (a heterogeneous population) and writes the indices of those
    /// that spiked to <paramref name="spikes"/>.
    /// </summary>
    /// <returns>The number of spikes written.</returns>
    public static int StepEach<TModel>(Span<TModel> models, in NeuronBlock block, Span<int> spikes)
        where TModel : struct, INeuronModel<TModel>
    {
        if (models.Length != block.Length)
        {
            throw new ArgumentException($"models.Length = {models.Length} must equal the block length {block.Length}.", nameof(models));
        }
        return block.Length == 0 ? 0 : Step(ref MemoryMarshal.GetReference(models), 1, block, 0, spikes, 0);
    }

    /// <summary>The loop behind both overloads: neuron i uses the model at <paramref name="first"/> + i·<paramref name="stride"/>.
    /// Every span of a block has the block's length (its constructor checks; the current span may instead be
    /// empty, read as 0 pA), so the loop indexes them unchecked.</summary>
    private static int Step<TModel>(ref TModel first, int stride, in NeuronBlock block, int from, Span<int> spikes, int count)
        where TModel : struct, INeuronModel<TModel>
    {
        int n = block.Length;
        ref float v = ref MemoryMarshal.GetReference(block.V);
        ref float u = ref MemoryMarshal.GetReference(block.U);
        ref float synE = ref MemoryMarshal.GetReference(block.SynE);
        ref float synI = ref MemoryMarshal.GetReference(block.SynI);
        ref int refractory = ref MemoryMarshal.GetReference(block.Refractory);
        ref float inputE = ref MemoryMarshal.GetReference(block.InputExcitatory);
        ref float inputI = ref MemoryMarshal.GetReference(block.InputInhibitory);
        ref float current = ref MemoryMarshal.GetReference(block.Current);
        bool hasCurrent = block.HasCurrent;
        var context = block.Context;
        for (int i = from; i < n; i++)
        {
            var state = new NeuronState
            {
                V = Unsafe.Add(ref v, i), U = Unsafe.Add(ref u, i), SynE = Unsafe.Add(ref synE, i), SynI = Unsafe.Add(ref synI, i),
                RefractoryCountdown = Unsafe.Add(ref refractory, i),
            };
            bool fired = Unsafe.Add(ref first, i * stride).Step(ref state, Unsafe.Add(ref inputE, i), Unsafe.Add(ref inputI, i), hasCurrent ? Unsafe.Add(ref current, i) : 0f,
                new StepContext(context.Seed, context.Stream, context.Step, context.Neuron + i));
            Unsafe.Add(ref v, i) = state.V;
            Unsafe.Add(ref u, i) = state.U;
            Unsafe.Add(ref synE, i) = state.SynE;
            Unsafe.Add(ref synI, i) = state.SynI;
            Unsafe.Add(ref refractory, i) = state.RefractoryCountdown;
            if (fired)
            {
                spikes[count++] = i;
            }
        }
        return count;
    }

    /// <summary>
    /// The block update of a vectorised model: <paramref name="step"/> over every whole vector of
    /// <paramref name="block"/> (when <see cref="Vector.IsHardwareAccelerated"/>), then
    /// <paramref name="model"/>'s scalar <c>Step</c> over the remaining neurons.
    /// </summary>
    /// <param name="model">The prepared model, for the scalar tail.</param>
    /// <param name="step">The model's vector step.</param>
    /// <param name="block">The neurons, their input and current.</param>
    /// <param name="spikes">Receives the block-relative indices of the neurons that spiked, ascending.</param>
    /// <returns>The number of spikes written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StepVectors<TModel, TStep>(in TModel model, in TStep step, in NeuronBlock block, Span<int> spikes)
        where TModel : struct, INeuronModel<TModel>
        where TStep : struct, IVectorStep
    {
        int n = block.Length;
        int count = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lanes = new BlockLanes(block);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                count = step.Step(lanes, i, spikes, count);
            }
        }
        return StepEach(model, block, i, spikes, count);
    }

    /// <summary>
    /// The usual spike rule of a vector step: the lanes of <paramref name="fired"/> take
    /// <paramref name="reset"/> as V and <paramref name="refractorySteps"/> as their refractory
    /// countdown, and are appended to <paramref name="spikes"/> (as <see cref="AppendSpikes"/>).
    /// </summary>
    /// <returns>The new number of spikes written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Fire(Vector<int> fired, ref Vector<float> v, Vector<float> reset, ref Vector<int> refractory, Vector<int> refractorySteps,
        int first, Span<int> spikes, int count)
    {
        if (fired == Vector<int>.Zero)
        {
            return count;
        }
        v = Vector.ConditionalSelect(fired, reset, v);
        refractory = Vector.ConditionalSelect(fired, refractorySteps, refractory);
        return AppendSpikes(fired, first, spikes, count);
    }

    /// <summary>Appends <paramref name="first"/> + lane for every lane of <paramref name="fired"/>
    /// that is set (all bits one, as vector comparisons give), in ascending order.</summary>
    /// <returns>The new number of spikes written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AppendSpikes(Vector<int> fired, int first, Span<int> spikes, int count)
    {
        if (Vector<int>.Count == Vector256<int>.Count)
        {
            uint mask = fired.AsVector256().ExtractMostSignificantBits();
            while (mask != 0)
            {
                spikes[count++] = first + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
            }
            return count;
        }
        for (int lane = 0; lane < Vector<int>.Count; lane++)
        {
            if (fired[lane] != 0)
            {
                spikes[count++] = first + lane;
            }
        }
        return count;
    }
}
