using Snn.Backends.Checkpointing;
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

    /// <summary>Reads this projection's part of a checkpoint without changing anything.</summary>
    public abstract PlasticState Read(CheckpointReader reader);

    /// <summary>Replaces the state with <paramref name="state"/> and returns the presynaptic spikes
    /// (step, global neuron) that its pending arrivals imply.</summary>
    public abstract IEnumerable<(long Step, int Neuron)> Apply(PlasticState state, long step);

    public abstract void Dispose();
}
