using Snn.Core.Plasticity;

namespace Snn.Backends.Tests.Nir;

/// <summary>A plasticity rule that changes nothing, to prove the exporter refuses plastic projections.</summary>
internal struct NirTestRule : IPlasticityRule<NirTestRule>
{
    public readonly string RuleName => "nir-test-rule";

    public readonly double PeriodMs => 0;

    public readonly void Validate()
    {
    }

    public readonly NirTestRule Prepare(double dt) => this;

    public readonly void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }

    public readonly void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }

    public readonly void AfterPostSpike(ref PostState post, long step)
    {
    }

    public readonly void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }
}
