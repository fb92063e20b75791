using ILGPU;

namespace Snn.Backends.Gpu;

/// <summary>Kernels of short-term plasticity: advancing the entries of this step's spikes, and static
/// delivery with each weight scaled by its entry's factor.</summary>
internal static class ShortTermKernels
{
    /// <summary>Advances the entries of the spikes in history slot <paramref name="slot"/>, emitted in
    /// <paramref name="step"/>, and stores their factors in that slot's row (the update of
    /// <see cref="Snn.Core.Plasticity.ShortTermPlasticity"/>). Threads stride over the spike list;
    /// every entry belongs to one neuron, so no two threads touch the same entry.</summary>
    public static void Emit(Index1D index, SpikeSink sink, ShortTermArrays state, int slot, long step, int threads)
    {
        int count = sink.Counts[slot];
        long spikeBase = (long)slot * sink.Neurons;
        long row = (long)slot * state.Count;
        for (int s = index; s < count; s += threads)
        {
            int neuron = sink.History[spikeBase + s];
            for (int e = state.EntryStart[neuron]; e < state.EntryStart[neuron + 1]; e++)
            {
                int entry = state.Entries[e];
                int set = state.SetOf[entry];
                double bigU = state.BigU[set];
                double u = state.U[entry];
                double x = state.X[entry];
                long last = state.Last[entry];
                long reset = state.ResetSteps[set];
                if (last >= 0 && reset > 0 && last / reset != step / reset)
                {
                    u = bigU;
                    x = 1;
                }
                else if (last >= 0)
                {
                    double h = (step - last) * state.Dt;
                    x = 1 + (x - x * u - 1) * Math.Exp(-h / state.TauRec[set]);
                    double tauFac = state.TauFac[set];
                    u = tauFac == 0 ? bigU : bigU + u * (1 - bigU) * Math.Exp(-h / tauFac);
                }
                state.U[entry] = u;
                state.X[entry] = x;
                state.Last[entry] = step;
                state.Factors[row + entry] = (float)(u * x);
            }
        }
    }

    /// <summary>As <see cref="DeliveryKernels.DeliverStatic"/>, each weight multiplied by the factor
    /// its synapse's entry stored for this slot.</summary>
    public static void Deliver(Index1D index, SpikeSink sink, StaticSynapses synapses, DeviceRing ring, int slot, LaunchShape shape, ShortTermArrays state)
        => DeliveryKernels.Deliver(index, sink, synapses, ring, slot, shape, new ShortTermScale(state.Factors, state.SynapseEntry, (long)slot * state.Count));
}
