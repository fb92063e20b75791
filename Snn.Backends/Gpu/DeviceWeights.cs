using Snn.Backends.Engine;
using Snn.Core.Plasticity;

namespace Snn.Backends.Gpu;

/// <summary>The GPU engine's weight store for the shared rule event bodies (<see cref="PlasticEvents"/>):
/// the weights live in the synapse states of the device state buffer (<see cref="PlasticSynapses.State"/>),
/// so commit does nothing, and arrivals transmit through <see cref="PlasticityKernels.Arrivals{TRule}"/>'s
/// atomic add into the device ring. Every member is constant, so ILGPU drops the store from the kernels.</summary>
internal readonly struct DeviceWeights : IWeightStore
{
    /// <inheritdoc />
    public bool Transmits => true;

    /// <inheritdoc />
    public bool CommitsWeights => false;

    /// <inheritdoc />
    public void Commit(int synapse, float before, ref SynapseState state)
    {
    }
}
