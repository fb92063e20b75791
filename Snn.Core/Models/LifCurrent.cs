using System.Numerics;
using System.Runtime.CompilerServices;
using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// Leaky integrate-and-fire neuron with exponentially decaying, current-based excitatory and
/// inhibitory synapses, integrated exactly (NEST's <c>iaf_psc_exp</c>; Tsodyks, Uziel &amp;
/// Markram 2000; Rotter &amp; Diesmann 1999 for exact integration).
/// <code>
/// C_m dV/dt   = -(C_m / τ_m)(V - E_L) + I_syn,e + I_syn,i + I_e + I_inj
/// dI_syn,x/dt = -I_syn,x / τ_syn,x      (an arriving weight w in pA adds to I_syn,x)
/// V ≥ V_th:  spike, V ← V_reset, V held for t_ref
/// </code>
/// Over one step h the propagators P22 = e^(-h/τm), P11x = e^(-h/τx), P20 = τm/C (1 − P22) and
/// P21x = τm τx / (C (τx − τm)) (e^(-h/τx) − e^(-h/τm)) are <see cref="LifCurrentPropagators"/>,
/// which <see cref="Prepare"/> rounds once to the float constants of the scalar and block step.
/// As in NEST, input arriving in a step enters the synaptic current after the membrane update, so
/// it moves V from the next step on.
/// </summary>
public struct LifCurrent : IBlockNeuronModel<LifCurrent>
{
    private float _p22;
    private float _p11E;
    private float _p11I;
    private float _p21E;
    private float _p21I;
    private float _p20;
    private int _refractorySteps;
    private float _el;
    private float _ie;
    private float _threshold;
    private float _reset;

    /// <summary>Creates the model with NEST's <c>iaf_psc_exp</c> defaults.</summary>
    public LifCurrent()
    {
    }

    /// <summary>Membrane capacitance (pF), &gt; 0. Default 250.</summary>
    public double CM { get; init; } = 250;

    /// <summary>Membrane time constant (ms), &gt; 0. Default 10.</summary>
    public double TauM { get; init; } = 10;

    /// <summary>Excitatory synaptic time constant (ms), &gt; 0. Default 2.</summary>
    public double TauSynE { get; init; } = 2;

    /// <summary>Inhibitory synaptic time constant (ms), &gt; 0. Default 2.</summary>
    public double TauSynI { get; init; } = 2;

    /// <summary>Absolute refractory period (ms), ≥ 0. Default 2.</summary>
    public double RefractoryPeriod { get; init; } = 2;

    /// <summary>Leak reversal (resting) potential (mV). Default -70.</summary>
    public double EL { get; init; } = -70;

    /// <summary>Reset potential (mV), below <see cref="VThreshold"/>. Default -70.</summary>
    public double VReset { get; init; } = -70;

    /// <summary>Spike threshold (mV). Default -55.</summary>
    public double VThreshold { get; init; } = -55;

    /// <summary>Constant bias current (pA). Default 0.</summary>
    public double IE { get; init; }

    /// <summary>NEST's <c>iaf_psc_exp</c> defaults.</summary>
    public static LifCurrent NestDefault => new();

    /// <inheritdoc />
    public readonly string ModelName => "lif-current (iaf_psc_exp)";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.Current;

    /// <summary>Number of whole steps the neuron stays refractory after a spike (after <see cref="Prepare"/>).</summary>
    public readonly int RefractorySteps => _refractorySteps;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.Positive(CM, nameof(CM));
        Guard.Positive(TauM, nameof(TauM));
        Guard.Positive(TauSynE, nameof(TauSynE));
        Guard.Positive(TauSynI, nameof(TauSynI));
        Guard.NonNegative(RefractoryPeriod, nameof(RefractoryPeriod));
        Guard.Finite(EL, nameof(EL));
        Guard.Finite(VThreshold, nameof(VThreshold));
        Guard.Finite(IE, nameof(IE));
        Guard.Finite(VReset, nameof(VReset));
        if (VReset >= VThreshold)
        {
            throw new ArgumentOutOfRangeException(nameof(VReset), VReset, $"VReset = {VReset} mV must be below VThreshold = {VThreshold} mV.");
        }
    }

    /// <inheritdoc />
    public readonly NeuronState InitialState() => new() { V = (float)EL };

    /// <inheritdoc />
    public readonly LifCurrent Prepare(double dt)
    {
        Guard.Positive(dt, nameof(dt));
        var prepared = this;
        var propagators = LifCurrentPropagators.Over(this, dt);
        prepared._p22 = (float)propagators.MembraneDecay;
        prepared._p11E = (float)propagators.ExcitatoryDecay;
        prepared._p11I = (float)propagators.InhibitoryDecay;
        prepared._p20 = (float)propagators.CurrentToVoltage;
        prepared._p21E = (float)propagators.ExcitatoryToVoltage;
        prepared._p21I = (float)propagators.InhibitoryToVoltage;
        prepared._refractorySteps = propagators.RefractorySteps;
        prepared._el = (float)EL;
        prepared._ie = (float)IE;
        prepared._threshold = (float)VThreshold;
        prepared._reset = (float)VReset;
        return prepared;
    }

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        Integrate(ref state, inputExcitatory, inputInhibitory, current);
        if (state.V >= _threshold)
        {
            state.V = _reset;
            state.RefractoryCountdown = _refractorySteps;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The sub-threshold part of <see cref="Step"/>: advances V (or the refractory countdown) and
    /// the synaptic currents by one step without checking the threshold, for models that add their
    /// own threshold rule on top of this membrane.
    /// </summary>
    public readonly void Integrate(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current)
    {
        float el = _el;
        if (state.RefractoryCountdown == 0)
        {
            float relative = _p20 * (_ie + current) + _p22 * (state.V - el) + _p21E * state.SynE + _p21I * state.SynI;
            state.V = relative + el;
        }
        else
        {
            state.RefractoryCountdown--;
        }
        state.SynE = state.SynE * _p11E + inputExcitatory;
        state.SynI = state.SynI * _p11I + inputInhibitory;
    }

    /// <summary>
    /// <see cref="Integrate(ref NeuronState, float, float, float)"/> for a vector of neurons, lane by
    /// lane bit-identical to it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Integrate(ref Vector<float> v, ref Vector<float> synE, ref Vector<float> synI, ref Vector<int> refractory,
        Vector<float> inputExcitatory, Vector<float> inputInhibitory, Vector<float> current)
    {
        var el = new Vector<float>(_el);
        var integrating = Vector.Equals(refractory, Vector<int>.Zero);
        var relative = new Vector<float>(_p20) * (new Vector<float>(_ie) + current) + new Vector<float>(_p22) * (v - el)
            + new Vector<float>(_p21E) * synE + new Vector<float>(_p21I) * synI;
        v = Vector.ConditionalSelect(integrating, relative + el, v);
        refractory = Vector.ConditionalSelect(integrating, refractory, refractory - Vector<int>.One);
        synE = synE * new Vector<float>(_p11E) + inputExcitatory;
        synI = synI * new Vector<float>(_p11I) + inputInhibitory;
    }

    /// <inheritdoc />
    public readonly int StepBlock(in NeuronBlock block, Span<int> spikes) => BlockUpdate.StepVectors(this, new VectorStep(this), block, spikes);

    /// <summary><see cref="Step"/> on a vector of neurons, lane by lane bit-identical to it.</summary>
    private readonly struct VectorStep(LifCurrent model) : IVectorStep
    {
        private readonly Vector<float> _threshold = new(model._threshold);
        private readonly Vector<float> _reset = new(model._reset);
        private readonly Vector<int> _refractorySteps = new(model._refractorySteps);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Step(in BlockLanes lanes, int first, Span<int> spikes, int count)
        {
            var v = lanes.V(first);
            var synE = lanes.SynE(first);
            var synI = lanes.SynI(first);
            var refractory = lanes.Refractory(first);
            model.Integrate(ref v, ref synE, ref synI, ref refractory, lanes.InputExcitatory(first), lanes.InputInhibitory(first), lanes.Current(first));
            count = BlockUpdate.Fire(Vector.GreaterThanOrEqual(v, _threshold), ref v, _reset, ref refractory, _refractorySteps, first, spikes, count);
            lanes.StoreV(first, v);
            lanes.StoreSynE(first, synE);
            lanes.StoreSynI(first, synI);
            lanes.StoreRefractory(first, refractory);
            return count;
        }
    }
}
