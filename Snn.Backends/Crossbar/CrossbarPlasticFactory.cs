using Snn.Backends.Cpu;
using Snn.Backends.Engine;
using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Crossbar;

/// <summary>Builds the engine core's dispatcher of each plastic projection, specialised for its rule, with its
/// weights in the cells of its tile sets (<see cref="CrossbarCells"/>, one per projection, kept in
/// <paramref name="cells"/>), and, where the projection has short-term plasticity, its linear arrivals scaled
/// by <paramref name="shortTerm"/>'s factors.</summary>
internal sealed class CrossbarPlasticFactory(SynapseTable[] tables, TileSet[][] tileSets, CellProgrammer programmer, ulong key, bool linear,
    CrossbarCells?[] cells, ShortTermState? shortTerm) : IPlasticityVisitor<PlasticProjection>
{
    public PlasticProjection Visit<TRule>(Projection projection, PlasticitySpec<TRule> spec) where TRule : struct, IPlasticityRule<TRule>
    {
        int index = projection.Index;
        var store = new CrossbarCells(projection, tables[index], tileSets[index], programmer, key, linear);
        cells[index] = store;
        var plastic = new PlasticProjection<TRule, CellWeights>(projection, spec, new Partitioning(projection.Source.Network.NeuronCount, 1), new CellWeights(store),
            shortTerm: shortTerm);
        plastic.SetWeights(store.Attach(tileSets[index]));
        return plastic;
    }
}
