using Snn.Core.Models;

namespace Snn.Core.Tests.Models;

/// <summary>
/// <see cref="NirNeuronPropagators"/> against a numerical integration of NIR's equations between
/// spikes, τ_syn dI/dt = −I + w_in b and τ_mem dv/dt = λ (v_leak − v) + R (I + I_inj) (with
/// I = b when there is no synaptic filter), for every NIR neuron kind.
/// </summary>
public class NirNeuronPropagatorsTests
{
    public static TheoryData<bool, double, double> Kinds => new()
    {
        { true, 5, 10 },
        { true, 10, 10 },
        { false, 5, 10 },
        { true, 0, 10 },
        { false, 0, 4 },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void PropagatorsAdvanceAnyStateAsTheExactSolutionDoes(bool leak, double tauSyn, double tauMem)
    {
        var model = new NirNeuron { Leak = leak, TauSyn = tauSyn, TauMem = tauMem, R = 1.7, VLeak = 0.3, WIn = 0.8, Bias = 0.45 };
        const double h = 0.5, v0 = 0.6, i0 = 1.3, injected = -0.2;
        var p = NirNeuronPropagators.Over(model, h);
        double lambda = leak ? 1 : 0;
        double[] exact;
        double v;
        if (tauSyn > 0)
        {
            exact = Rk4.Integrate(x => [(lambda * (model.VLeak - x[0]) + model.R * (x[1] + injected)) / tauMem, (-x[1] + model.WIn * model.Bias) / tauSyn],
                [v0, i0], h);
            v = p.VoltageDrive + p.MembraneDecay * v0 + p.SynapseToVoltage * (i0 - p.SteadyCurrent) + p.CurrentToVoltage * injected;
            Assert.Equal(exact[1], p.SteadyCurrent + p.SynapticDecay * (i0 - p.SteadyCurrent), 1e-11);
            Assert.Equal(model.WIn / tauSyn * model.SpikeIntegralMs, p.SpikeJump, 1e-15);
        }
        else
        {
            exact = Rk4.Integrate(x => [(lambda * (model.VLeak - x[0]) + model.R * (model.Bias + injected)) / tauMem], [v0], h);
            v = p.VoltageDrive + p.MembraneDecay * v0 + p.CurrentToVoltage * injected;
            Assert.Equal(model.R / tauMem * model.SpikeIntegralMs, p.SpikeJump, 1e-15);
        }
        Assert.Equal(exact[0], v, 1e-11);
    }
}
