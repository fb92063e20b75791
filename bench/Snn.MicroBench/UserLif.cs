using Snn.Core.Models;

namespace Snn.MicroBench;

/// <summary>
/// A neuron model as a user writes one without SIMD code: a current-based LIF with an
/// Euler-integrated membrane, exponential synapses and a refractory countdown, implementing only
/// <see cref="INeuronModel{TModel}"/>. The engine runs it through its scalar path.
/// </summary>
public struct UserLif : INeuronModel<UserLif>
{
    private float _dtOverTau;
    private float _synDecay;
    private int _refractorySteps;

    /// <summary>Membrane time constant (ms). Default 20.</summary>
    public double TauM { get; init; } = 20;

    /// <summary>Drive toward which V relaxes (mV): above threshold, so the neuron fires regularly. Default -45.</summary>
    public double VDrive { get; init; } = -45;

    /// <summary>Spike threshold (mV). Default -50.</summary>
    public double VThreshold { get; init; } = -50;

    /// <summary>Reset potential (mV). Default -60.</summary>
    public double VReset { get; init; } = -60;

    /// <summary>Creates the model with its defaults.</summary>
    public UserLif()
    {
    }

    /// <inheritdoc />
    public readonly string ModelName => "user-lif";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.Current;

    /// <inheritdoc />
    public readonly void Validate()
    {
    }

    /// <inheritdoc />
    public readonly NeuronState InitialState() => new() { V = (float)VReset };

    /// <inheritdoc />
    public readonly UserLif Prepare(double dt)
    {
        var prepared = this;
        prepared._dtOverTau = (float)(dt / TauM);
        prepared._synDecay = (float)Math.Exp(-dt / 5.0);
        prepared._refractorySteps = (int)Math.Round(2 / dt);
        return prepared;
    }

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        if (state.RefractoryCountdown > 0)
        {
            state.RefractoryCountdown--;
        }
        else
        {
            state.V += _dtOverTau * ((float)VDrive - state.V + state.SynE + state.SynI + current);
        }
        state.SynE = state.SynE * _synDecay + inputExcitatory;
        state.SynI = state.SynI * _synDecay + inputInhibitory;
        if (state.V >= (float)VThreshold)
        {
            state.V = (float)VReset;
            state.RefractoryCountdown = _refractorySteps;
            return true;
        }
        return false;
    }
}
