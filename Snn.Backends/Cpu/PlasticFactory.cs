using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Cpu;

/// <summary>Builds the engine object of each plastic projection, specialised for its rule.</summary>
internal sealed class PlasticFactory(Partitioning partitioning, ShortTermState? shortTerm = null) : IPlasticityVisitor<PlasticProjection>
{
    public PlasticProjection Visit<TRule>(Projection projection, PlasticitySpec<TRule> spec) where TRule : struct, IPlasticityRule<TRule>
        => new PlasticProjection<TRule>(projection, spec, partitioning, shortTerm);
}
