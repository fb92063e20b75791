using System.Numerics;
using System.Runtime.CompilerServices;
using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// The abstract SFQ neuron: a superconducting loop that stores incoming fluxons and fires one SFQ
/// pulse when the stored flux reaches a threshold set by its bias current
/// (Snn.Backends.Sfq's <c>SfqBiasMapping</c>), after which the loop is reset and its output junction is
/// refractory; a resistor R in the loop lets the stored flux leak with τ = L / R.
/// <code>
/// dq/dt = −q / τ                         q: stored flux (Φ0 units), state field V
/// pulse through a synapse: q ← q ± 1      (excitatory / inhibitory)
/// q ≥ n_th (and not refractory): one output pulse, q released (q ← 0), refractory for t_ref
/// </code>
/// Synapse weights onto it are signed pass probabilities in [−1, 1] (excitatory receptor
/// [0, 1], inhibitory [−1, 0]): each weight is the expected number of fluxons a presynaptic pulse
/// delivers. The SFQ engine (<c>SfqBackend</c>) runs it pulse by pulse with stochastic gates; the clock-driven
/// engines run its mean-field version (each arriving weight adds w to q deterministically), which
/// is what the sfq-vs-cpu comparison measures.
/// </summary>
public struct SfqNeuron : IBlockNeuronModel<SfqNeuron>
{
    /// <summary>Picoseconds per millisecond: the model's times are in ps, the network's in ms.</summary>
    private const double PsPerMs = 1e9;

    private float _decay;
    private int _refractorySteps;
    private float _floatThreshold;

    /// <summary>Creates a neuron with threshold 1 Φ0, no leak and a 5 ps refractory time.</summary>
    public SfqNeuron()
    {
    }

    /// <summary>Threshold in stored flux n_th (Φ0), &gt; 0 and at most I_c L / Φ0 of the technology it is built in. Default 1.</summary>
    public double ThresholdFluxons { get; init; } = 1;

    /// <summary>Leak time constant τ = L / R (ps), &gt; 0; +∞ (default) for a purely superconducting loop.</summary>
    public double LeakTimeConstantPs { get; init; } = double.PositiveInfinity;

    /// <summary>Refractory (hold) time of the output junction after a pulse (ps), ≥ 0. Default 5.</summary>
    public double RefractoryPs { get; init; } = 5;

    /// <inheritdoc />
    public readonly string ModelName => "sfq-neuron";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.Current;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.Positive(ThresholdFluxons, nameof(ThresholdFluxons));
        if (double.IsNaN(LeakTimeConstantPs) || LeakTimeConstantPs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LeakTimeConstantPs), LeakTimeConstantPs, $"LeakTimeConstantPs = {LeakTimeConstantPs} must be > 0 ps (or +∞ for no leak).");
        }
        Guard.NonNegative(RefractoryPs, nameof(RefractoryPs));
    }

    /// <inheritdoc />
    public readonly NeuronState InitialState() => default;

    /// <inheritdoc />
    public readonly SfqNeuron Prepare(double dt)
    {
        Guard.Positive(dt, nameof(dt));
        var prepared = this;
        prepared._decay = (float)Math.Exp(-dt * PsPerMs / LeakTimeConstantPs);
        prepared._refractorySteps = (int)Math.Round(RefractoryPs / PsPerMs / dt);
        prepared._floatThreshold = FloatThreshold(ThresholdFluxons - 1e-6);
        return prepared;
    }

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        state.V = state.V * _decay + inputExcitatory + inputInhibitory;
        if (state.RefractoryCountdown > 0)
        {
            state.RefractoryCountdown--;
            return false;
        }
        if (state.V >= ThresholdFluxons - 1e-6)
        {
            state.V = 0;
            state.RefractoryCountdown = _refractorySteps;
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public readonly int StepBlock(in NeuronBlock block, Span<int> spikes) => BlockUpdate.StepVectors(this, new VectorStep(this), block, spikes);

    /// <summary>The smallest float f with (double)f ≥ <paramref name="threshold"/>, so that a float
    /// V satisfies V ≥ f exactly when (double)V ≥ threshold.</summary>
    private static float FloatThreshold(double threshold)
    {
        float f = (float)threshold;
        if (f < threshold)
        {
            return MathF.BitIncrement(f);
        }
        float below = MathF.BitDecrement(f);
        return below >= threshold ? below : f;
    }

    /// <summary><see cref="Step"/> on a vector of neurons, lane by lane bit-identical to it.</summary>
    private readonly struct VectorStep(SfqNeuron model) : IVectorStep
    {
        private readonly Vector<float> _decay = new(model._decay);
        private readonly Vector<float> _threshold = new(model._floatThreshold);
        private readonly Vector<int> _refractorySteps = new(model._refractorySteps);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Step(in BlockLanes lanes, int first, Span<int> spikes, int count)
        {
            var v = lanes.V(first) * _decay + lanes.InputExcitatory(first) + lanes.InputInhibitory(first);
            var refractory = lanes.Refractory(first);
            var counting = Vector.GreaterThan(refractory, Vector<int>.Zero);
            var fired = Vector.AndNot(Vector.GreaterThanOrEqual(v, _threshold), counting);
            refractory = Vector.ConditionalSelect(counting, refractory - Vector<int>.One, refractory);
            count = BlockUpdate.Fire(fired, ref v, Vector<float>.Zero, ref refractory, _refractorySteps, first, spikes, count);
            lanes.StoreV(first, v);
            lanes.StoreRefractory(first, refractory);
            return count;
        }
    }
}
