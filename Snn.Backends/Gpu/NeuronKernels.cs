using ILGPU;
using ILGPU.Runtime;
using Snn.Core.Models;

namespace Snn.Backends.Gpu;

/// <summary>Kernels that advance neurons by one step (one thread per neuron).</summary>
internal static class NeuronKernels
{
    /// <summary>
    /// Advances neuron <paramref name="index"/> of a population through the model's own
    /// <c>Step</c>: reads and clears its ring slot, writes the state back and emits a spike.
    /// <paramref name="models"/> holds one prepared model, or one per neuron.
    /// </summary>
    public static void UpdateNeurons<TModel>(Index1D index, ArrayView<TModel> models, NeuronArrays state, DeviceRing ring, SpikeSink sink, PopulationStep step)
        where TModel : unmanaged, INeuronModel<TModel>
    {
        int local = index;
        int i = step.Offset + local;
        var model = models.Length > 1 ? models[local] : models[0];
        var neuron = new NeuronState
        {
            V = state.V[i], U = state.U[i], SynE = state.SynE[i], SynI = state.SynI[i], RefractoryCountdown = state.Refractory[i],
        };
        long excitatory = ring.At(step.Slot, i);
        long inhibitory = ring.At(step.Slot, i + ring.Neurons);
        float inputE = ring.Data[excitatory];
        float inputI = ring.Data[inhibitory];
        ring.Data[excitatory] = 0;
        ring.Data[inhibitory] = 0;
        var context = new StepContext(step.Seed, step.Stream, step.Step, local);
        bool fired = model.Step(ref neuron, inputE, inputI, state.Current[i], context);
        state.V[i] = neuron.V;
        state.U[i] = neuron.U;
        state.SynE[i] = neuron.SynE;
        state.SynI[i] = neuron.SynI;
        state.Refractory[i] = neuron.RefractoryCountdown;
        if (fired)
        {
            sink.Emit(i, step.Slot, step.Population, step.Step);
        }
    }

    /// <summary>
    /// Replays given spike times: neuron <paramref name="index"/> fires in step n − 1 for each time
    /// n·dt. <paramref name="times"/> holds every neuron's ascending times in steps, neuron j's at
    /// [<paramref name="timeStart"/>[j], <paramref name="timeStart"/>[j + 1]); <paramref name="next"/>
    /// is each neuron's cursor.
    /// </summary>
    public static void ReplaySpikeTimes(Index1D index, ArrayView<long> times, ArrayView<int> timeStart, ArrayView<int> next, SpikeSink sink, PopulationStep step)
    {
        int local = index;
        long emitted = step.Step + 1;
        int cursor = next[local];
        int end = timeStart[local + 1];
        while (cursor < end && times[cursor] < emitted)
        {
            cursor++;
        }
        if (cursor < end && times[cursor] == emitted)
        {
            sink.Emit(step.Offset + local, step.Slot, step.Population, step.Step);
            cursor++;
        }
        next[local] = cursor;
    }
}
