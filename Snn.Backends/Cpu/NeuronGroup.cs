using Snn.Core;

namespace Snn.Backends.Cpu;

/// <summary>The engine's view of one population: it updates a range of its neurons for one step.</summary>
internal abstract class NeuronGroup(Population population)
{
    public Population Population { get; } = population;

    public int Offset => Population.Offset;

    public int End => Population.Offset + Population.Size;

    /// <summary>Updates global neurons [start, end) of this group for one step, reads and clears their
    /// ring slot, and writes the global indices of the neurons that fired to <paramref name="spikes"/>.</summary>
    /// <returns>The number of spikes written.</returns>
    public abstract int Update(int start, int end, in StepBuffers buffers, Span<int> spikes);

    /// <summary>Brings step-dependent bookkeeping to <paramref name="step"/> after a checkpoint restore.</summary>
    public virtual void MoveTo(long step)
    {
    }
}
