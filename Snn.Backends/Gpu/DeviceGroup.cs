using Snn.Core;

namespace Snn.Backends.Gpu;

/// <summary>The GPU engine's view of one population: host data first (so memory can be checked
/// before anything is allocated), then device buffers and a kernel launched once per step.</summary>
internal abstract class DeviceGroup(Population population) : IDisposable
{
    public Population Population { get; } = population;

    /// <summary>What the group's own buffers need on the device (bytes).</summary>
    public abstract long DeviceBytes { get; }

    /// <summary>Allocates the buffers and loads the kernel.</summary>
    public abstract void Allocate(DeviceContext context);

    /// <summary>Launches the update of every neuron of the population for <paramref name="step"/>.</summary>
    public abstract void Launch(DeviceContext context, long step, int slot);

    /// <summary>Brings step-dependent bookkeeping to <paramref name="step"/> after a checkpoint restore.</summary>
    public virtual void MoveTo(long step)
    {
    }

    public abstract void Dispose();

    /// <summary>The step description the kernels get.</summary>
    protected PopulationStep StepOf(long step, int slot, uint stream) => new()
    {
        Offset = Population.Offset,
        Population = Population.Index,
        Slot = slot,
        Step = step,
        Seed = Population.Network.Seed,
        Stream = stream,
    };
}
