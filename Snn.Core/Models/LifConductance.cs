using System.Numerics;
using System.Runtime.CompilerServices;
using Snn.Core.Numerics;
using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// Leaky integrate-and-fire neuron with exponentially decaying conductance-based synapses
/// (NEST's <c>iaf_cond_exp</c>; the COBA network of Vogels &amp; Abbott 2005 / Brette et al. 2007).
/// <code>
/// C_m dV/dt = g_L (E_L − V) + g_e (E_e − V) + g_i (E_i − V) + I_e + I_inj
/// dg_x/dt   = −g_x / τ_syn,x            (an arriving weight w in nS adds to g_x)
/// V ≥ V_th:  spike, V ← V_reset, V held for t_ref
/// </code>
/// By default (<see cref="ConductanceIntegration.ExponentialEuler"/>) conductances decay exactly and
/// the membrane uses the exponential-Euler step with the conductances of the step's start held
/// constant: V ← V∞ + (V − V∞) e^(−h g_tot / C_m), where g_tot = g_L + g_e + g_i and
/// V∞ = (g_L E_L + g_e E_e + g_i E_i + I) / g_tot. NEST integrates the same equations with adaptive
/// Runge-Kutta; the two agree to O(h) in the conductance change. <see cref="Integration"/> =
/// <see cref="ConductanceIntegration.ForwardEuler"/> gives Brian2's <c>method='euler'</c> instead.
/// The per-step constants (the conductance decays, h/C) are <see cref="LifConductancePropagators"/>.
/// </summary>
public struct LifConductance : IBlockNeuronModel<LifConductance>
{
    private float _p11E;
    private float _p11I;
    private float _dtOverC;
    private int _refractorySteps;
    private float _gL;
    private float _leakDrive;
    private float _eExcitatory;
    private float _eInhibitory;
    private float _ie;
    private float _threshold;
    private float _reset;
    private int _forwardEuler; // 1 under forward Euler (an int, not a bool, so that the struct stays blittable for the GPU)

    /// <summary>Creates the model with NEST's <c>iaf_cond_exp</c> defaults.</summary>
    public LifConductance()
    {
    }

    /// <summary>Membrane capacitance (pF), &gt; 0. Default 250.</summary>
    public double CM { get; init; } = 250;

    /// <summary>Leak conductance (nS), &gt; 0. Default 16.6667 (τm = 15 ms).</summary>
    public double GL { get; init; } = 16.6667;

    /// <summary>Leak reversal potential (mV). Default -70.</summary>
    public double EL { get; init; } = -70;

    /// <summary>Excitatory reversal potential (mV). Default 0.</summary>
    public double EExcitatory { get; init; }

    /// <summary>Inhibitory reversal potential (mV). Default -85.</summary>
    public double EInhibitory { get; init; } = -85;

    /// <summary>Excitatory synaptic time constant (ms), &gt; 0. Default 0.2.</summary>
    public double TauSynE { get; init; } = 0.2;

    /// <summary>Inhibitory synaptic time constant (ms), &gt; 0. Default 2.</summary>
    public double TauSynI { get; init; } = 2;

    /// <summary>Absolute refractory period (ms), ≥ 0. Default 2.</summary>
    public double RefractoryPeriod { get; init; } = 2;

    /// <summary>Reset potential (mV), below <see cref="VThreshold"/>. Default -60.</summary>
    public double VReset { get; init; } = -60;

    /// <summary>Spike threshold (mV). Default -55.</summary>
    public double VThreshold { get; init; } = -55;

    /// <summary>Constant bias current (pA). Default 0.</summary>
    public double IE { get; init; }

    /// <summary>The integration scheme. Default <see cref="ConductanceIntegration.ExponentialEuler"/>.</summary>
    public ConductanceIntegration Integration { get; init; }

    /// <summary>NEST's <c>iaf_cond_exp</c> defaults.</summary>
    public static LifConductance NestDefault => new();

    /// <inheritdoc />
    public readonly string ModelName => "lif-conductance (iaf_cond_exp)";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.Conductance;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.Positive(CM, nameof(CM));
        Guard.Positive(GL, nameof(GL));
        Guard.Positive(TauSynE, nameof(TauSynE));
        Guard.Positive(TauSynI, nameof(TauSynI));
        Guard.NonNegative(RefractoryPeriod, nameof(RefractoryPeriod));
        Guard.Finite(EL, nameof(EL));
        Guard.Finite(EExcitatory, nameof(EExcitatory));
        Guard.Finite(EInhibitory, nameof(EInhibitory));
        Guard.Finite(VThreshold, nameof(VThreshold));
        Guard.Finite(IE, nameof(IE));
        Guard.Finite(VReset, nameof(VReset));
        if (!Enum.IsDefined(Integration))
        {
            throw new ArgumentOutOfRangeException(nameof(Integration), Integration, $"Integration = {Integration} must be one of {string.Join(", ", Enum.GetNames<ConductanceIntegration>())}.");
        }
        if (VReset >= VThreshold)
        {
            throw new ArgumentOutOfRangeException(nameof(VReset), VReset, $"VReset = {VReset} mV must be below VThreshold = {VThreshold} mV.");
        }
    }

    /// <inheritdoc />
    public readonly NeuronState InitialState() => new() { V = (float)EL };

    /// <inheritdoc />
    public readonly LifConductance Prepare(double dt)
    {
        Guard.Positive(dt, nameof(dt));
        var prepared = this;
        var propagators = LifConductancePropagators.Over(this, dt);
        prepared._p11E = (float)propagators.ExcitatoryDecay;
        prepared._p11I = (float)propagators.InhibitoryDecay;
        prepared._dtOverC = (float)propagators.StepOverCapacitance;
        prepared._refractorySteps = propagators.RefractorySteps;
        prepared._gL = (float)GL;
        prepared._leakDrive = (float)GL * (float)EL;
        prepared._eExcitatory = (float)EExcitatory;
        prepared._eInhibitory = (float)EInhibitory;
        prepared._ie = (float)IE;
        prepared._threshold = (float)VThreshold;
        prepared._reset = (float)VReset;
        prepared._forwardEuler = Integration == ConductanceIntegration.ForwardEuler ? 1 : 0;
        return prepared;
    }

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        if (state.RefractoryCountdown == 0)
        {
            if (_forwardEuler != 0)
            {
                float drive = (_leakDrive - _gL * state.V) + state.SynE * (_eExcitatory - state.V) + state.SynI * (_eInhibitory - state.V) + _ie + current;
                state.V = state.V + _dtOverC * drive;
            }
            else
            {
                float total = _gL + state.SynE + state.SynI;
                float equilibrium = (_leakDrive + state.SynE * _eExcitatory + state.SynI * _eInhibitory + _ie + current) / total;
                state.V = equilibrium + (state.V - equilibrium) * DeterministicMath.Exp(-_dtOverC * total);
            }
        }
        else
        {
            state.RefractoryCountdown--;
        }
        state.SynE = state.SynE * _p11E + inputExcitatory;
        state.SynI = state.SynI * _p11I + inputInhibitory;
        if (state.V >= _threshold)
        {
            state.V = _reset;
            state.RefractoryCountdown = _refractorySteps;
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public readonly int StepBlock(in NeuronBlock block, Span<int> spikes) => _forwardEuler != 0
        ? BlockUpdate.StepVectors(this, new VectorStep<ForwardEulerMembrane>(this, new ForwardEulerMembrane(this)), block, spikes)
        : BlockUpdate.StepVectors(this, new VectorStep<ExponentialEulerMembrane>(this, new ExponentialEulerMembrane(this)), block, spikes);

    /// <summary>The membrane's advance over one step, on a vector of integrating neurons.</summary>
    private interface IVectorMembrane
    {
        /// <summary>The membrane potential (mV) after one step from <paramref name="v"/> under the given conductances (nS) and current (pA).</summary>
        Vector<float> Advance(Vector<float> v, Vector<float> synE, Vector<float> synI, Vector<float> current);
    }

    /// <summary>The exponential-Euler membrane of <see cref="Step"/>, lane by lane bit-identical to it.</summary>
    private readonly struct ExponentialEulerMembrane(LifConductance model) : IVectorMembrane
    {
        private readonly Vector<float> _gL = new(model._gL);
        private readonly Vector<float> _leakDrive = new(model._leakDrive);
        private readonly Vector<float> _eExcitatory = new(model._eExcitatory);
        private readonly Vector<float> _eInhibitory = new(model._eInhibitory);
        private readonly Vector<float> _ie = new(model._ie);
        private readonly Vector<float> _minusDtOverC = new(-model._dtOverC);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Advance(Vector<float> v, Vector<float> synE, Vector<float> synI, Vector<float> current)
        {
            var total = _gL + synE + synI;
            var equilibrium = (_leakDrive + synE * _eExcitatory + synI * _eInhibitory + _ie + current) / total;
            return equilibrium + (v - equilibrium) * DeterministicMath.Exp(_minusDtOverC * total);
        }
    }

    /// <summary>The forward-Euler membrane of <see cref="Step"/>, lane by lane bit-identical to it.</summary>
    private readonly struct ForwardEulerMembrane(LifConductance model) : IVectorMembrane
    {
        private readonly Vector<float> _gL = new(model._gL);
        private readonly Vector<float> _leakDrive = new(model._leakDrive);
        private readonly Vector<float> _eExcitatory = new(model._eExcitatory);
        private readonly Vector<float> _eInhibitory = new(model._eInhibitory);
        private readonly Vector<float> _ie = new(model._ie);
        private readonly Vector<float> _dtOverC = new(model._dtOverC);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Advance(Vector<float> v, Vector<float> synE, Vector<float> synI, Vector<float> current)
        {
            var drive = (_leakDrive - _gL * v) + synE * (_eExcitatory - v) + synI * (_eInhibitory - v) + _ie + current;
            return v + _dtOverC * drive;
        }
    }

    /// <summary><see cref="Step"/> on a vector of neurons with the membrane advance <typeparamref name="TMembrane"/>, lane by lane bit-identical to it.</summary>
    private readonly struct VectorStep<TMembrane>(LifConductance model, TMembrane membrane) : IVectorStep
        where TMembrane : struct, IVectorMembrane
    {
        private readonly TMembrane _membrane = membrane;
        private readonly Vector<float> _p11E = new(model._p11E);
        private readonly Vector<float> _p11I = new(model._p11I);
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
            var integrating = Vector.Equals(refractory, Vector<int>.Zero);
            v = Vector.ConditionalSelect(integrating, _membrane.Advance(v, synE, synI, lanes.Current(first)), v);
            refractory = Vector.ConditionalSelect(integrating, refractory, refractory - Vector<int>.One);
            lanes.StoreSynE(first, synE * _p11E + lanes.InputExcitatory(first));
            lanes.StoreSynI(first, synI * _p11I + lanes.InputInhibitory(first));
            count = BlockUpdate.Fire(Vector.GreaterThanOrEqual(v, _threshold), ref v, _reset, ref refractory, _refractorySteps, first, spikes, count);
            lanes.StoreV(first, v);
            lanes.StoreRefractory(first, refractory);
            return count;
        }
    }
}
