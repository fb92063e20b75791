using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Randomness;

namespace Snn.Backends.Cpu;

/// <summary>The engine's view of one population: it updates a range of its neurons for one step.</summary>
internal abstract class NeuronGroup(Population population)
{
    private readonly ulong _seed = population.Network.Seed;
    private readonly uint _stream = RngStreams.NeuronNoise(population.Index);

    public Population Population { get; } = population;

    public int Offset => Population.Offset;

    public int End => Population.Offset + Population.Size;

    /// <summary>Updates global neurons [start, end) of this group for one step, reads and clears their
    /// ring slot, and writes the global indices of the neurons that fired to <paramref name="spikes"/>.
    /// <paramref name="hasCurrent"/> is false when no current injection reaches these neurons, whose
    /// currents are then 0 pA and not read.</summary>
    /// <returns>The number of spikes written.</returns>
    public abstract int Update(int start, int end, bool hasCurrent, in StepBuffers buffers, Span<int> spikes);

    /// <summary>Brings step-dependent bookkeeping to <paramref name="step"/> after a checkpoint restore.</summary>
    public virtual void MoveTo(long step)
    {
    }

    /// <summary>Global neurons [start, end) with this step's ring slot and current (none when
    /// <paramref name="hasCurrent"/> is false), as a model sees them.</summary>
    protected NeuronBlock BlockOf(int start, int end, bool hasCurrent, in StepBuffers buffers)
    {
        int length = end - start;
        var state = buffers.State;
        return new NeuronBlock(state.V.AsSpan(start, length), state.U.AsSpan(start, length), state.SynE.AsSpan(start, length),
            state.SynI.AsSpan(start, length), state.Refractory.AsSpan(start, length),
            buffers.Ring.Excitatory(buffers.Slot, start, length), buffers.Ring.Inhibitory(buffers.Slot, start, length),
            hasCurrent ? state.Current.AsSpan(start, length) : [], new StepContext(_seed, _stream, buffers.Step, start - Offset));
    }

    /// <summary>Clears the ring slot of neurons [start, end) and turns the first <paramref name="count"/>
    /// block-relative spike indices into global ones.</summary>
    /// <returns><paramref name="count"/>.</returns>
    protected static int Finish(int start, int end, in StepBuffers buffers, Span<int> spikes, int count)
    {
        int length = end - start;
        buffers.Ring.Excitatory(buffers.Slot, start, length).Clear();
        buffers.Ring.Inhibitory(buffers.Slot, start, length).Clear();
        for (int k = 0; k < count; k++)
        {
            spikes[k] += start;
        }
        return count;
    }
}
