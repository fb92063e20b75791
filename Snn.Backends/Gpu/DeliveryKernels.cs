using ILGPU;

namespace Snn.Backends.Gpu;

/// <summary>Kernels that move spikes along static synapses.</summary>
internal static class DeliveryKernels
{
    /// <summary>
    /// Walks the synapses of this step's spikes (history slot <paramref name="slot"/>) and adds
    /// their weights into the ring slot <paramref name="slot"/> + delay with atomic adds. A warp
    /// takes one spike at a time and its lanes stride over the spike's row (coalesced reads); the
    /// teams stride over the spike list, whose length is read on the device.
    /// </summary>
    public static void DeliverStatic(Index1D index, SpikeSink sink, StaticSynapses synapses, DeviceRing ring, int slot, LaunchShape shape)
        => Deliver(index, sink, synapses, ring, slot, shape, default(Unscaled));

    /// <summary>The walk of <see cref="DeliverStatic"/>, each weight passed through <paramref name="scale"/>.</summary>
    public static void Deliver<TScale>(Index1D index, SpikeSink sink, StaticSynapses synapses, DeviceRing ring, int slot, LaunchShape shape, TScale scale)
        where TScale : struct, ISynapseScale
    {
        int lane = index % shape.Lanes;
        int count = sink.Counts[slot];
        long spikeBase = (long)slot * sink.Neurons;
        for (int s = index / shape.Lanes; s < count; s += shape.Workers)
        {
            int source = sink.History[spikeBase + s];
            int last = synapses.RowStart[source + 1];
            for (int k = synapses.RowStart[source] + lane; k < last; k += shape.Lanes)
            {
                int arrival = slot + synapses.Delay[k];
                if (arrival >= ring.Slots)
                {
                    arrival -= ring.Slots;
                }
                Atomic.Add(ref ring.Data[ring.At(arrival, synapses.Column[k])], scale.Apply(synapses.Weight[k], k));
            }
        }
    }
}
