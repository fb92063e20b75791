using Snn.Backends.Engine;
using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Cpu;

/// <summary>Builds the engine core's dispatcher of each plastic projection, specialised for its rule,
/// with weights in an array, keeping the synapses onto the targets <paramref name="keepTarget"/>
/// accepts (all when null) and scaling arrivals by <paramref name="shortTerm"/>'s factors where the
/// projection has short-term plasticity.</summary>
internal sealed class PlasticFactory(Partitioning partitioning, Func<int, bool>? keepTarget = null, ShortTermState? shortTerm = null)
    : IPlasticityVisitor<PlasticProjection>
{
    public PlasticProjection Visit<TRule>(Projection projection, PlasticitySpec<TRule> spec) where TRule : struct, IPlasticityRule<TRule>
        => new PlasticProjection<TRule, ArrayWeights>(projection, spec, partitioning, default, keepTarget, shortTerm);
}
