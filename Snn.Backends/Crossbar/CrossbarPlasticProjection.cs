using Snn.Core;

namespace Snn.Backends.Crossbar;

/// <summary>The crossbar's view of a projection whose synapses learn: the rule runs in the digital
/// periphery on per-synapse state, and every weight it changes is written to the cells by
/// programming pulses (<see cref="CellProgrammer"/>); what the cells then realise is what transmits.</summary>
internal abstract class CrossbarPlasticProjection(Projection projection)
{
    public Projection Projection { get; } = projection;

    /// <summary>(Re)binds the projection to its tile sets after they are programmed and loads every
    /// synapse's weight from its cells; the rule's traces are kept.</summary>
    public abstract void Attach(TileSet[] sets);

    /// <summary>Runs the arrival event of every synapse of tile set <paramref name="set"/> whose source is one of
    /// <paramref name="sources"/> (population-local, ascending; they fired the set's delay ago), in the CPU
    /// engine's order, and, unless <paramref name="ring"/> is empty, adds each one's weight into
    /// <paramref name="ring"/> (the current ring slot of the projection's targets and receptor).</summary>
    public abstract void Arrive(int set, ReadOnlySpan<int> sources, long step, float modulator, Span<float> ring);

    /// <summary>Runs the postsynaptic events of the projection's targets among <paramref name="fired"/> (global ids).</summary>
    public abstract void PostSpikes(ReadOnlySpan<int> fired, long step, float modulator);

    /// <summary>Runs the rule's periodic update at the end of <paramref name="step"/> when one is due.</summary>
    public abstract void Periodic(long step, float modulator);

    /// <summary>The present weights, one per synapse in generation order.</summary>
    public abstract float[] GetWeights();
}
