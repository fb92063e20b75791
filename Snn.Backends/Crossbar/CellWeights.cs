using Snn.Backends.Engine;
using Snn.Core.Plasticity;

namespace Snn.Backends.Crossbar;

/// <summary>The crossbar engine's weight store for the engine core's plastic dispatcher: weights live in
/// <see cref="CrossbarCells"/>, and every change is programmed into them.</summary>
internal readonly struct CellWeights(CrossbarCells cells) : IWeightStore
{
    /// <inheritdoc />
    public bool Transmits => cells.Transmits;

    /// <inheritdoc />
    public bool CommitsWeights => true;

    /// <inheritdoc />
    public void Commit(int synapse, float before, ref SynapseState state) => cells.Commit(synapse, before, ref state);
}
