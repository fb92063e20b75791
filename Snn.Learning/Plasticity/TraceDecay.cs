using Snn.Core.Numerics;

namespace Snn.Learning.Plasticity;

/// <summary>Exponential decay of a trace over whole steps, from a precomputed dt/τ.</summary>
internal static class TraceDecay
{
    /// <summary>The factor e^(−Δsteps · dt/τ); traces never updated (lastStep &lt; 0) are zero anyway.</summary>
    public static float Factor(long step, long lastStep, float dtOverTau) => DeterministicMath.Exp(-(step - lastStep) * dtOverTau);
}
