using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Crossbar;

/// <summary>Builds the crossbar engine object of each plastic projection, specialised for its rule.</summary>
internal sealed class CrossbarPlasticFactory(SynapseTable table, TileSet[] sets, CellProgrammer programmer, ulong key) : IPlasticityVisitor<CrossbarPlasticProjection>
{
    public CrossbarPlasticProjection Visit<TRule>(Projection projection, PlasticitySpec<TRule> spec) where TRule : struct, IPlasticityRule<TRule>
        => new CrossbarPlasticProjection<TRule>(projection, spec, table, sets, programmer, key);
}
