using Snn.Core.Numerics;
using Snn.Core.Plasticity;

namespace Snn.Backends.Tests.Gpu;

/// <summary>
/// A small three-factor STDP rule for the engine tests (the test project does not reference
/// Snn.Learning): traces decay with τ through <c>DeterministicMath.Exp</c>, pre arrivals depress by
/// A₋·y, post spikes potentiate by A₊·x, both also feed an eligibility trace that the periodic
/// update turns into a weight change scaled by the modulator. Weights stay in [0, WMax] through
/// <c>MathF.Min/Max</c> (which ILGPU compiles, unlike <c>Math.Clamp</c>). Public, because ILGPU's
/// CPU accelerator generates code in another assembly that must see it.
/// </summary>
public struct TestStdp : IPlasticityRule<TestStdp>
{
    private float _dtOverTau;

    /// <summary>Creates the rule with its defaults.</summary>
    public TestStdp()
    {
    }

    /// <summary>Potentiation amplitude (pA).</summary>
    public double APlus { get; init; } = 20;

    /// <summary>Depression amplitude (pA).</summary>
    public double AMinus { get; init; } = 15;

    /// <summary>Trace time constant (ms).</summary>
    public double TauMs { get; init; } = 10;

    /// <summary>Upper weight bound (pA).</summary>
    public double WMax { get; init; } = 400;

    /// <inheritdoc />
    public double PeriodMs { get; init; }

    /// <inheritdoc />
    public readonly string RuleName => "test-stdp";

    /// <inheritdoc />
    public readonly void Validate()
    {
    }

    /// <inheritdoc />
    public readonly TestStdp Prepare(double dt) => this with { _dtOverTau = (float)(dt / TauMs) };

    /// <inheritdoc />
    public readonly void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        float y = post.Post1 * DeterministicMath.Exp(-(step - post.LastStep) * _dtOverTau);
        synapse.Weight = Bound(synapse.Weight - (float)AMinus * (1f + modulator) * y);
        synapse.Eligibility -= y;
        synapse.Pre1 = synapse.Pre1 * DeterministicMath.Exp(-(step - synapse.LastStep) * _dtOverTau) + 1f;
        synapse.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        float x = synapse.Pre1 * DeterministicMath.Exp(-(step - synapse.LastStep) * _dtOverTau);
        synapse.Weight = Bound(synapse.Weight + (float)APlus * (1f + modulator) * x);
        synapse.Eligibility += x;
        synapse.Pre1 = x;
        synapse.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void AfterPostSpike(ref PostState post, long step)
    {
        post.Post1 = post.Post1 * DeterministicMath.Exp(-(step - post.LastStep) * _dtOverTau) + 1f;
        post.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        synapse.Weight = Bound(synapse.Weight + modulator * synapse.Eligibility);
        synapse.Eligibility *= 0.5f;
    }

    private readonly float Bound(float w) => MathF.Min(MathF.Max(w, 0f), (float)WMax);
}
