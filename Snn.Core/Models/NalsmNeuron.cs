using System.Numerics;
using System.Runtime.CompilerServices;
using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// The liquid neuron of Ivanov &amp; Michmizos (2021), "Increasing liquid state machine performance
/// with edge-of-chaos dynamics organized by astrocyte-modulated plasticity" (NeurIPS 2021): a
/// discrete-time leaky integrator on 1 ms steps,
/// <code>
/// v ← v − v/τ_v + Σ_j W_ij · exp(−Δt_j/τ_u)/τ_u + I_ext
/// v ≥ θ (and not refractory):  spike, v ← v_reset, no spike for the next t_ref steps (v keeps integrating)
/// </code>
/// where Δt_j is the time since presynaptic neuron j's last spike, 0 in the step the spike reaches
/// the target. The engine delivers a spike once, after its one-step delay, so the kernel is kept as a
/// current u (<see cref="NeuronState.SynE"/>, both receptors add into it) that decays by e^(−1/τ_u)
/// per step and jumps by W/τ_u when a spike arrives: the arrival step is Δt = 0 and the following
/// steps follow exp(−Δt/τ_u)/τ_u exactly. This is the authors' code (combra-lab/NALSM,
/// NALSM_LIF_v1.py): a spike registered in step t zeroes Δt of its synapses before the membrane
/// update of that same step, so the target receives the full W at once and W·e^(−k) k steps later,
/// W/(1 − e^(−1)) = 1.58·W of charge in all. The paper's kernel counts only j's last spike, this one
/// sums every spike: when j fires again k steps later the paper drops the tail of the earlier spike,
/// W·e^(−k)/(1 − e^(−1)) of charge: 5 % of a spike's charge for k = 3 (the shortest interval of a
/// refractory neuron), under 1 % for k ≥ 5.
/// <see cref="WindowSteps"/> resets the neuron at the start of every presentation window
/// (v, u and the refractory count to zero, the arriving input discarded), which is how one
/// compiled network presents many samples back to back with "state reset per sample".
/// State: <see cref="NeuronState.V"/> = v (mV), <see cref="NeuronState.SynE"/> = u (mV per step),
/// <see cref="NeuronState.RefractoryCountdown"/>. Defined for dt = 1 ms only.
/// </summary>
public struct NalsmNeuron : IBlockNeuronModel<NalsmNeuron>
{
    private float _kernelDecay;
    private float _arrivalScale;
    private float _leak;
    private int _refractorySteps;

    /// <summary>Creates the neuron with the paper's parameters.</summary>
    public NalsmNeuron()
    {
    }

    /// <summary>Membrane time constant τ_v (ms), ≥ 1. Default 64.</summary>
    public double TauV { get; init; } = 64;

    /// <summary>Synaptic kernel time constant τ_u (ms), &gt; 0. Default 1.</summary>
    public double TauU { get; init; } = 1;

    /// <summary>Spike threshold θ (mV), above <see cref="VReset"/>. Default 20.</summary>
    public double VThreshold { get; init; } = 20;

    /// <summary>Reset and resting potential (mV). Default 0.</summary>
    public double VReset { get; init; }

    /// <summary>Refractory period (ms, whole steps), ≥ 0: spiking is blocked, v keeps integrating. Default 2.</summary>
    public double RefractoryPeriod { get; init; } = 2;

    /// <summary>Length of a presentation window (steps), ≥ 0: the neuron resets at every step that is
    /// a multiple of it; 0 never resets. Default 0.</summary>
    public int WindowSteps { get; init; }

    /// <summary>The paper's liquid neuron.</summary>
    public static NalsmNeuron Paper => new();

    /// <inheritdoc />
    public readonly string ModelName => "nalsm-neuron (Ivanov & Michmizos 2021)";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.Current;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.InRange(TauV, 1, double.MaxValue, nameof(TauV));
        Guard.Positive(TauU, nameof(TauU));
        Guard.Finite(VThreshold, nameof(VThreshold));
        Guard.Finite(VReset, nameof(VReset));
        Guard.NonNegative(RefractoryPeriod, nameof(RefractoryPeriod));
        Guard.InRange(WindowSteps, 0, int.MaxValue, nameof(WindowSteps));
        if (VReset >= VThreshold)
        {
            throw new ArgumentOutOfRangeException(nameof(VReset), VReset, $"VReset = {VReset} mV must be below VThreshold = {VThreshold} mV.");
        }
    }

    /// <inheritdoc />
    public readonly NeuronState InitialState() => new() { V = (float)VReset };

    /// <inheritdoc />
    public readonly NalsmNeuron Prepare(double dt)
    {
        if (dt != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dt), dt, $"dt = {dt} ms: the NALSM neuron is defined on 1 ms steps (dt = 1).");
        }
        var prepared = this;
        double decay = Math.Exp(-1 / TauU);
        prepared._kernelDecay = (float)decay;
        prepared._arrivalScale = (float)(1 / TauU);
        prepared._leak = (float)(1 / TauV);
        prepared._refractorySteps = (int)Math.Round(RefractoryPeriod);
        return prepared;
    }

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        if (WindowSteps > 0 && context.Step % WindowSteps == 0)
        {
            state.V = (float)VReset;
            state.SynE = 0;
            state.RefractoryCountdown = 0;
            return false;
        }
        float reset = (float)VReset;
        state.SynE = state.SynE * _kernelDecay + (inputExcitatory + inputInhibitory) * _arrivalScale;
        state.V += -(state.V - reset) * _leak + state.SynE + current;
        if (state.RefractoryCountdown > 0)
        {
            state.RefractoryCountdown--;
            return false;
        }
        if (state.V >= (float)VThreshold)
        {
            state.V = reset;
            state.RefractoryCountdown = _refractorySteps;
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public readonly int StepBlock(in NeuronBlock block, Span<int> spikes)
    {
        if (WindowSteps > 0 && block.Context.Step % WindowSteps == 0)
        {
            block.V.Fill((float)VReset);
            block.SynE.Clear();
            block.Refractory.Clear();
            return 0;
        }
        return BlockUpdate.StepVectors(this, new VectorStep(this), block, spikes);
    }

    /// <summary><see cref="Step"/> on a vector of neurons (past the window boundary), lane by lane bit-identical to it.</summary>
    private readonly struct VectorStep(NalsmNeuron model) : IVectorStep
    {
        private readonly Vector<float> _kernelDecay = new(model._kernelDecay);
        private readonly Vector<float> _arrivalScale = new(model._arrivalScale);
        private readonly Vector<float> _leak = new(model._leak);
        private readonly Vector<float> _reset = new((float)model.VReset);
        private readonly Vector<float> _threshold = new((float)model.VThreshold);
        private readonly Vector<int> _refractorySteps = new(model._refractorySteps);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Step(in BlockLanes lanes, int first, Span<int> spikes, int count)
        {
            var synE = lanes.SynE(first) * _kernelDecay + (lanes.InputExcitatory(first) + lanes.InputInhibitory(first)) * _arrivalScale;
            var v = lanes.V(first);
            v += -(v - _reset) * _leak + synE + lanes.Current(first);
            var refractory = lanes.Refractory(first);
            var counting = Vector.GreaterThan(refractory, Vector<int>.Zero);
            var fired = Vector.AndNot(Vector.GreaterThanOrEqual(v, _threshold), counting);
            refractory = Vector.ConditionalSelect(counting, refractory - Vector<int>.One, refractory);
            count = BlockUpdate.Fire(fired, ref v, _reset, ref refractory, _refractorySteps, first, spikes, count);
            lanes.StoreSynE(first, synE);
            lanes.StoreV(first, v);
            lanes.StoreRefractory(first, refractory);
            return count;
        }
    }
}
