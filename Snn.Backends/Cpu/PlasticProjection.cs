using Snn.Backends.Checkpointing;
using Snn.Core;

namespace Snn.Backends.Cpu;

/// <summary>The engine's view of a projection whose synapses learn: it queues presynaptic spikes
/// until they arrive, runs the rule's events, and transmits each synapse's current weight on
/// arrival.</summary>
internal abstract class PlasticProjection(Projection projection)
{
    public Projection Projection { get; } = projection;

    public abstract int MaxDelay { get; }

    public abstract int SynapseCount { get; }

    /// <summary>Allocates the arrival queues once the ring's slot count is known.</summary>
    public abstract void Attach(DelayRing ring);

    public abstract void ProcessArrivals(int part, long step, int slot, float modulator);

    public abstract void ProcessPostSpikes(ReadOnlySpan<int> spikes, long step, float modulator);

    public abstract void Deliver(int part, ReadOnlySpan<int> spikes, int slot);

    public abstract void Periodic(int part, long step, float modulator);

    public abstract void SampleWeights(int part, float[] row);

    public abstract float[] GetWeights();

    public abstract void SetWeights(ReadOnlySpan<float> weights);

    public abstract void Save(CheckpointWriter writer, long step);

    /// <summary>Reads this projection's part of a checkpoint without changing anything.</summary>
    public abstract PlasticCheckpoint Read(CheckpointReader reader);

    /// <summary>Replaces the state with one read by <see cref="Read"/>.</summary>
    public abstract void Apply(PlasticCheckpoint checkpoint);
}
