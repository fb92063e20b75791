using System.Numerics;
using System.Runtime.CompilerServices;
using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// The neuron primitives of the Neuromorphic Intermediate Representation (NIR; Pedersen et al.
/// 2024, "Neuromorphic intermediate representation: a unified instruction set for interoperable
/// brain-inspired computing", Nature Communications 15:8122) as one model, integrated exactly
/// over each step h. With the time constants in ms:
/// <code>
/// τ_syn dI/dt = −I + w_in (S + b)              (TauSyn &gt; 0: CubaLIF, CubaLI)
///         I   = S + b                          (TauSyn = 0: LIF, LI, IF, I)
/// τ_mem dv/dt = λ (v_leak − v) + R I            λ = 1 (Leak) or 0 (IF, I)
/// v &gt; v_threshold:  spike; v ← v_reset when Reset (LIF, IF, CubaLIF), v kept otherwise (a NIR
///                    Threshold node after LI, I or CubaLI)
/// </code>
/// S is the weighted sum of incoming spikes, each a Dirac delta whose time integral is
/// <see cref="SpikeIntegralMs"/>, so a spike of weight w moves v by R·w·SpikeIntegralMs/τ_mem
/// (TauSyn = 0) or I by w_in·w·SpikeIntegralMs/τ_syn. b is the constant <see cref="Bias"/> (an
/// Affine node's bias). Between spikes the linear system is solved in closed form (the
/// exponential propagators of Rotter &amp; Diesmann 1999: <see cref="NirNeuronPropagators"/>).
/// As everywhere in Snn, spikes that arrive in a step are added at its end, which is their
/// arrival time; the threshold is then checked, so a jump in v can fire the neuron in the same
/// step. <see cref="NeuronState.V"/> holds v and <see cref="NeuronState.SynE"/> holds I; both
/// receptors feed S. A current injected by Snn (<see cref="Inputs.CurrentInjection"/>) adds to R I
/// directly, held constant over the step. NIR's units are the file's: v and I carry whatever unit
/// the exporter used.
/// </summary>
public struct NirNeuron : IBlockNeuronModel<NirNeuron>
{
    private float _pMem;
    private float _pSyn;
    private float _vDrive;
    private float _iInfinity;
    private float _jump;
    private float _threshold;
    private float _pSynDecay;
    private float _pCurrent;

    /// <summary>Creates a leaky integrate-and-fire neuron with τ_mem = 10 ms, R = 1, v_leak = 0,
    /// v_threshold = 1 and v_reset = 0.</summary>
    public NirNeuron()
    {
    }

    /// <summary>Membrane time constant τ_mem (ms), &gt; 0; for the non-leaky IF and I the time
    /// scale of dv/dt = R I / τ_mem (one NIR time unit). Default 10.</summary>
    public double TauMem { get; init; } = 10;

    /// <summary>Synaptic time constant τ_syn (ms), ≥ 0; 0 means no synaptic filter (input goes
    /// straight into the membrane). Default 0.</summary>
    public double TauSyn { get; init; }

    /// <summary>Whether v leaks toward <see cref="VLeak"/> (LIF, LI, CubaLIF, CubaLI) or only
    /// integrates (IF, I). Default true.</summary>
    public bool Leak { get; init; } = true;

    /// <summary>Resistance R (NIR voltage per NIR current), finite. Default 1.</summary>
    public double R { get; init; } = 1;

    /// <summary>Leak (resting) potential v_leak (NIR voltage), finite. Default 0.</summary>
    public double VLeak { get; init; }

    /// <summary>Firing threshold (NIR voltage); +∞ for the non-spiking LI, I and CubaLI. Default 1.</summary>
    public double VThreshold { get; init; } = 1;

    /// <summary>Potential after a spike (NIR voltage), finite. Default 0.</summary>
    public double VReset { get; init; }

    /// <summary>Whether a spike resets v to <see cref="VReset"/> (true) or leaves it (a NIR
    /// Threshold node, which fires in every step v stays above threshold). Default true.</summary>
    public bool Reset { get; init; } = true;

    /// <summary>Input weight w_in of the synaptic current (dimensionless), finite; used when
    /// <see cref="TauSyn"/> &gt; 0. Default 1.</summary>
    public double WIn { get; init; } = 1;

    /// <summary>Constant input b added to S (NIR current), finite. Default 0.</summary>
    public double Bias { get; init; }

    /// <summary>Time integral (ms) of one incoming spike of weight 1: NIR's Dirac delta of unit
    /// area in NIR time units is one NIR time unit in ms; &gt; 0. Default 1.</summary>
    public double SpikeIntegralMs { get; init; } = 1;

    /// <inheritdoc />
    public readonly string ModelName => "nir-neuron";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.Current;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.Positive(TauMem, nameof(TauMem));
        Guard.NonNegative(TauSyn, nameof(TauSyn));
        Guard.Finite(R, nameof(R));
        Guard.Finite(VLeak, nameof(VLeak));
        Guard.Finite(VReset, nameof(VReset));
        Guard.Finite(WIn, nameof(WIn));
        Guard.Finite(Bias, nameof(Bias));
        Guard.Positive(SpikeIntegralMs, nameof(SpikeIntegralMs));
        if (double.IsNaN(VThreshold) || double.IsNegativeInfinity(VThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(VThreshold), VThreshold, $"VThreshold = {VThreshold} must be finite or +∞ (never fires).");
        }
    }

    /// <inheritdoc />
    public readonly NeuronState InitialState() => new() { V = Leak ? (float)VLeak : 0f };

    /// <inheritdoc />
    public readonly NirNeuron Prepare(double dt)
    {
        Guard.Positive(dt, nameof(dt));
        var prepared = this;
        var propagators = NirNeuronPropagators.Over(this, dt);
        prepared._jump = (float)propagators.SpikeJump;
        prepared._pSyn = (float)propagators.SynapseToVoltage;
        prepared._iInfinity = (float)propagators.SteadyCurrent;
        prepared._pSynDecay = (float)propagators.SynapticDecay;
        prepared._pMem = (float)propagators.MembraneDecay;
        prepared._pCurrent = (float)propagators.CurrentToVoltage;
        prepared._vDrive = (float)propagators.VoltageDrive;
        prepared._threshold = double.IsPositiveInfinity(VThreshold) ? float.PositiveInfinity : (float)VThreshold;
        return prepared;
    }

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        float input = inputExcitatory + inputInhibitory;
        if (TauSyn > 0)
        {
            float relative = state.SynE - _iInfinity;
            state.V = _vDrive + _pMem * state.V + _pSyn * relative + _pCurrent * current;
            state.SynE = _iInfinity + _pSynDecay * relative + _jump * input;
        }
        else
        {
            state.V = _vDrive + _pMem * state.V + _pCurrent * current + _jump * input;
        }
        if (state.V > _threshold)
        {
            if (Reset)
            {
                state.V = (float)VReset;
            }
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public readonly int StepBlock(in NeuronBlock block, Span<int> spikes) => BlockUpdate.StepVectors(this, new VectorStep(this), block, spikes);

    /// <summary><see cref="Step"/> on a vector of neurons, lane by lane bit-identical to it.</summary>
    private readonly struct VectorStep(NirNeuron model) : IVectorStep
    {
        private readonly Vector<float> _vDrive = new(model._vDrive);
        private readonly Vector<float> _pMem = new(model._pMem);
        private readonly Vector<float> _pSyn = new(model._pSyn);
        private readonly Vector<float> _pCurrent = new(model._pCurrent);
        private readonly Vector<float> _iInfinity = new(model._iInfinity);
        private readonly Vector<float> _pSynDecay = new(model._pSynDecay);
        private readonly Vector<float> _jump = new(model._jump);
        private readonly Vector<float> _threshold = new(model._threshold);
        private readonly Vector<float> _reset = new((float)model.VReset);
        private readonly bool _synapse = model.TauSyn > 0;
        private readonly bool _resets = model.Reset;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Step(in BlockLanes lanes, int first, Span<int> spikes, int count)
        {
            var input = lanes.InputExcitatory(first) + lanes.InputInhibitory(first);
            Vector<float> v;
            if (_synapse)
            {
                var relative = lanes.SynE(first) - _iInfinity;
                v = _vDrive + _pMem * lanes.V(first) + _pSyn * relative + _pCurrent * lanes.Current(first);
                lanes.StoreSynE(first, _iInfinity + _pSynDecay * relative + _jump * input);
            }
            else
            {
                v = _vDrive + _pMem * lanes.V(first) + _pCurrent * lanes.Current(first) + _jump * input;
            }
            var fired = Vector.GreaterThan(v, _threshold);
            if (fired != Vector<int>.Zero)
            {
                if (_resets)
                {
                    v = Vector.ConditionalSelect(fired, _reset, v);
                }
                count = BlockUpdate.AppendSpikes(fired, first, spikes, count);
            }
            lanes.StoreV(first, v);
            return count;
        }
    }
}
