using Snn.Core.Plasticity;

namespace Snn.Backends.Tests.ShortTerm;

/// <summary>A long-term rule whose weight change is known in advance: each presynaptic arrival adds
/// <see cref="Increment"/> before the synapse transmits, so the n-th spike (from 0) transmits with
/// w₀ + (n + 1)·Increment.</summary>
public struct AddOnArrival : IPlasticityRule<AddOnArrival>
{
    /// <summary>Weight added per arrival (pA).</summary>
    public double Increment { get; init; }

    /// <inheritdoc />
    public readonly string RuleName => "add-on-arrival";

    /// <inheritdoc />
    public readonly double PeriodMs => 0;

    /// <inheritdoc />
    public readonly void Validate()
    {
    }

    /// <inheritdoc />
    public readonly AddOnArrival Prepare(double dt) => this;

    /// <inheritdoc />
    public readonly void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
        => synapse.Weight += (float)Increment;

    /// <inheritdoc />
    public readonly void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }

    /// <inheritdoc />
    public readonly void AfterPostSpike(ref PostState post, long step)
    {
    }

    /// <inheritdoc />
    public readonly void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }
}
