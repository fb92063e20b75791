using Snn.Backends.Checkpointing;
using Snn.Backends.Engine;
using Snn.Core;

namespace Snn.Backends.Gpu;

/// <summary>The GPU engine's view of a projection whose synapses learn.</summary>
internal abstract class DevicePlasticProjection(Projection projection) : IDisposable
{
    public Projection Projection { get; } = projection;

    public abstract int MaxDelay { get; }

    public abstract int SynapseCount { get; }

    public abstract long DeviceBytes { get; }

    public abstract void Allocate(DeviceContext context);

    /// <summary>Runs the arrivals of <paramref name="step"/> and transmits their weights.</summary>
    public abstract void LaunchArrivals(DeviceContext context, long step);

    /// <summary>Runs the postsynaptic events of the spikes of <paramref name="step"/>.</summary>
    public abstract void LaunchPostSpikes(DeviceContext context, long step, int slot);

    /// <summary>Runs the periodic update when <paramref name="step"/> ends a period.</summary>
    public abstract void LaunchPeriodic(DeviceContext context, long step);

    public abstract float[] GetWeights();

    public abstract void SetWeights(ReadOnlySpan<float> weights);

    /// <summary>Writes the state; <paramref name="spikesOf"/> gives the global neurons that fired in a past step.</summary>
    public abstract void Save(CheckpointWriter writer, long step, Func<long, int[]> spikesOf);

    /// <summary>The presynaptic spikes (step, global neuron) that the pending arrivals of
    /// <paramref name="checkpoint"/>, restored before <paramref name="step"/>, imply; throws
    /// <see cref="InvalidDataException"/> when one cannot arrive in the ring's window. Changes nothing.</summary>
    public abstract IEnumerable<(long Step, int Neuron)> PendingSpikes(PlasticCheckpoint checkpoint, long step);

    /// <summary>Replaces the synapse and post states with those of <paramref name="checkpoint"/>.</summary>
    public abstract void Apply(PlasticCheckpoint checkpoint);

    public abstract void Dispose();
}
