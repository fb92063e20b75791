using ILGPU;
using Snn.Backends.Engine;
using Snn.Core.Plasticity;

namespace Snn.Backends.Gpu;

/// <summary>
/// Kernels of a plastic projection, generic over the rule struct so that ILGPU compiles the
/// rule's own methods. The kernels hold only the parallel walk (which spike, synapse or target each
/// thread takes, the delay look-up and the atomic transmission); each event runs through the bodies
/// the host dispatcher runs too (<see cref="PlasticEvents"/>, over <see cref="PlasticSynapses"/> with
/// <see cref="DeviceWeights"/>). Presynaptic spikes are not queued: the spike lists of the last steps
/// stay on the device, and in step k the synapses with delay d of the sources that fired in step
/// k − d run <see cref="IPlasticityRule{TRule}.OnPreArrival"/> and transmit their updated weight
/// (times the short-term factor u·x the spike left with, where the projection has short-term plasticity).
/// </summary>
internal static class PlasticityKernels
{
    /// <summary>
    /// Arrivals of step <paramref name="step"/> (ring slot step mod Slots). Teams of
    /// <see cref="LaunchShape.Lanes"/> threads: team t handles delay 1 + t / Workers and strides
    /// over the spikes of that many steps ago; its lanes stride over the synapses of that delay.
    /// </summary>
    public static void Arrivals<TRule>(Index1D index, TRule rule, PlasticSynapses synapses, SpikeSink sink, DeviceRing ring, long step, LaunchShape shape)
        where TRule : struct, IPlasticityRule<TRule>
    {
        int lane = index % shape.Lanes;
        int team = index / shape.Lanes;
        int delay = 1 + team / shape.Workers;
        if (step - delay < 0)
        {
            return;
        }
        var store = default(DeviceWeights);
        int slot = (int)(step % ring.Slots);
        int historySlot = (int)((step - delay) % ring.Slots);
        int count = sink.Counts[historySlot];
        long spikeBase = (long)historySlot * sink.Neurons;
        for (int s = team % shape.Workers; s < count; s += shape.Workers)
        {
            int source = sink.History[spikeBase + s] - synapses.SourceOffset;
            if (source < 0 || source >= synapses.SourceSize)
            {
                continue;
            }
            int last = synapses.RowStart[source + 1];
            int first = LowerBound(synapses.Delay, synapses.RowStart[source], last, delay);
            int end = LowerBound(synapses.Delay, first, last, delay + 1);
            for (int k = first + lane; k < end; k += shape.Lanes)
            {
                int target = synapses.Target[k];
                float weight = PlasticEvents.Arrive(rule, synapses, store, k, target, synapses.ModulatorValue(), step);
                if (store.Transmits)
                {
                    Atomic.Add(ref ring.Data[ring.At(slot, synapses.Column + target)], synapses.Transmitted(weight, source, historySlot));
                }
            }
        }
    }

    /// <summary>Postsynaptic events of step <paramref name="step"/>: one thread per spike of the
    /// step (grid-stride over <paramref name="threads"/>) runs the neuron's event
    /// (<see cref="PlasticEvents.PostSpike{TRule, TSynapses, TStore}"/>) when it is a target of the projection.</summary>
    public static void PostSpikes<TRule>(Index1D index, TRule rule, PlasticSynapses synapses, SpikeSink sink, int slot, long step, int threads)
        where TRule : struct, IPlasticityRule<TRule>
    {
        int count = sink.Counts[slot];
        long spikeBase = (long)slot * sink.Neurons;
        for (int s = index; s < count; s += threads)
        {
            int target = sink.History[spikeBase + s] - synapses.TargetOffset;
            if (target < 0 || target >= synapses.TargetSize)
            {
                continue;
            }
            PlasticEvents.PostSpike(rule, synapses, default(DeviceWeights), target, synapses.ModulatorValue(), step);
        }
    }

    /// <summary>The periodic update of synapse <paramref name="index"/> at the end of
    /// <paramref name="step"/>, with the value of the projection's modulator
    /// (<see cref="PlasticEvents.Period{TRule, TSynapses, TStore}"/>), one thread per synapse.</summary>
    public static void Periodic<TRule>(Index1D index, TRule rule, PlasticSynapses synapses, long step)
        where TRule : struct, IPlasticityRule<TRule>
    {
        PlasticEvents.Period(rule, synapses, default(DeviceWeights), index, synapses.Post[synapses.Target[index]], synapses.ModulatorValue(), step);
    }

    /// <summary>The first position in [<paramref name="first"/>, <paramref name="last"/>) whose
    /// value is at least <paramref name="value"/> (the values ascend).</summary>
    private static int LowerBound(ArrayView<int> values, int first, int last, int value)
    {
        while (first < last)
        {
            int middle = (first + last) >> 1;
            if (values[middle] < value)
            {
                first = middle + 1;
            }
            else
            {
                last = middle;
            }
        }
        return first;
    }
}
