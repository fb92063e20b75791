using Snn.Backends.Checkpointing;
using Snn.Backends.Cpu;
using Snn.Core;

namespace Snn.Backends.Engine;

/// <summary>The engine core's view of a projection whose synapses learn: it queues presynaptic spikes
/// until they arrive, runs the rule's events (arrival, postsynaptic spike, periodic update), hands
/// every changed weight to the engine's weight store and transmits each synapse's weight on
/// arrival. Synapse indices in weights and checkpoints are generation-order indices of the whole
/// projection.</summary>
internal abstract class PlasticProjection(Projection projection)
{
    public Projection Projection { get; } = projection;

    public abstract int MaxDelay { get; }

    /// <summary>The shortest delay of the synapses held here (steps; <see cref="int.MaxValue"/> when none).</summary>
    public abstract int MinDelay { get; }

    /// <summary>Synapses of the whole projection (a distributed engine holds only some of them).</summary>
    public abstract int SynapseCount { get; }

    /// <summary>Whether synapse <paramref name="synapse"/> (generation order) is held here.</summary>
    public abstract bool IsLocal(int synapse);

    /// <summary>Allocates the arrival queues once the ring's slot count is known.</summary>
    public abstract void Attach(DelayRing ring);

    public abstract void ProcessArrivals(int part, long step, int slot, float modulator);

    public abstract void ProcessPostSpikes(ReadOnlySpan<int> spikes, long step, float modulator);

    public abstract void Deliver(int part, ReadOnlySpan<int> spikes, int slot);

    public abstract void Periodic(int part, long step, float modulator);

    public abstract void SampleWeights(int part, float[] row);

    /// <summary>The weights in generation order (zero for synapses not held here).</summary>
    public abstract float[] GetWeights();

    public abstract void SetWeights(ReadOnlySpan<float> weights);

    public abstract void Save(CheckpointWriter writer, long step);

    /// <summary>Replaces the state with one read by <see cref="PlasticCheckpoint.Read"/>.</summary>
    public abstract void Apply(PlasticCheckpoint checkpoint);
}
