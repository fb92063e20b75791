using Snn.Core.Plasticity;

namespace Snn.Backends.Tests.Crossbar;

/// <summary>A rule for the device tests: each presynaptic arrival requests a weight change equal to the
/// modulator's value, so a test sets the change (and its sign) with <c>SetModulator</c> and the source's
/// spike times set when it happens.</summary>
internal readonly struct AddModulatorRule : IPlasticityRule<AddModulatorRule>
{
    public string RuleName => "add-modulator";

    public double PeriodMs => 0;

    public void Validate()
    {
    }

    public AddModulatorRule Prepare(double dt) => this;

    public void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step) => synapse.Weight += modulator;

    public void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }

    public void AfterPostSpike(ref PostState post, long step)
    {
    }

    public void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }
}
