using System.Numerics;
using System.Runtime.CompilerServices;
using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// A current-based LIF neuron (<see cref="LifCurrent"/>'s exact membrane) with a homeostatic
/// threshold θ held in <see cref="NeuronState.U"/> (mV): the effective threshold is
/// V_th + θ; every spike raises θ by η and θ falls by η·ρ_target·dt continuously, so θ settles
/// where the neuron fires at ρ_target (an intrinsic-plasticity rule in the spirit of Diehl &amp;
/// Cook 2015's adaptive threshold and Zenke et al. 2013's homeostasis):
/// <code>dθ/dt = η (S(t) − ρ_target)</code>
/// θ is not bounded: a silent neuron lowers its threshold until it fires.
/// </summary>
public struct AdaptiveThresholdLif : IBlockNeuronModel<AdaptiveThresholdLif>
{
    private LifCurrent _prepared;
    private float _decrementPerStep;

    /// <summary>Creates the model around a default <see cref="LifCurrent"/>.</summary>
    public AdaptiveThresholdLif()
    {
    }

    /// <summary>The membrane, synapses, base threshold and reset.</summary>
    public LifCurrent Membrane { get; init; } = new();

    /// <summary>Threshold increase per spike η (mV), &gt; 0. Default 0.05.</summary>
    public double ThresholdIncrement { get; init; } = 0.05;

    /// <summary>Target rate ρ_target (Hz), ≥ 0. Default 5.</summary>
    public double TargetRateHz { get; init; } = 5;

    /// <inheritdoc />
    public readonly string ModelName => "lif-adaptive-threshold";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.Current;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Membrane.Validate();
        Guard.Positive(ThresholdIncrement, nameof(ThresholdIncrement));
        Guard.NonNegative(TargetRateHz, nameof(TargetRateHz));
    }

    /// <inheritdoc />
    public readonly NeuronState InitialState() => Membrane.InitialState();

    /// <inheritdoc />
    public readonly AdaptiveThresholdLif Prepare(double dt)
    {
        var prepared = this;
        prepared._prepared = Membrane.Prepare(dt);
        prepared._decrementPerStep = (float)(ThresholdIncrement * TargetRateHz * dt / 1000.0);
        return prepared;
    }

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        _prepared.Integrate(ref state, inputExcitatory, inputInhibitory, current);
        state.U -= _decrementPerStep;
        if (state.V >= (float)Membrane.VThreshold + state.U)
        {
            state.V = (float)Membrane.VReset;
            state.RefractoryCountdown = _prepared.RefractorySteps;
            state.U += (float)ThresholdIncrement;
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public readonly int StepBlock(in NeuronBlock block, Span<int> spikes) => BlockUpdate.StepVectors(this, new VectorStep(this), block, spikes);

    /// <summary><see cref="Step"/> on a vector of neurons, lane by lane bit-identical to it.</summary>
    private readonly struct VectorStep(AdaptiveThresholdLif model) : IVectorStep
    {
        private readonly Vector<float> _decrement = new(model._decrementPerStep);
        private readonly Vector<float> _threshold = new((float)model.Membrane.VThreshold);
        private readonly Vector<float> _reset = new((float)model.Membrane.VReset);
        private readonly Vector<float> _increment = new((float)model.ThresholdIncrement);
        private readonly Vector<int> _refractorySteps = new(model._prepared.RefractorySteps);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Step(in BlockLanes lanes, int first, Span<int> spikes, int count)
        {
            var v = lanes.V(first);
            var synE = lanes.SynE(first);
            var synI = lanes.SynI(first);
            var refractory = lanes.Refractory(first);
            model._prepared.Integrate(ref v, ref synE, ref synI, ref refractory, lanes.InputExcitatory(first), lanes.InputInhibitory(first), lanes.Current(first));
            var theta = lanes.U(first) - _decrement;
            var fired = Vector.GreaterThanOrEqual(v, _threshold + theta);
            theta = Vector.ConditionalSelect(fired, theta + _increment, theta);
            count = BlockUpdate.Fire(fired, ref v, _reset, ref refractory, _refractorySteps, first, spikes, count);
            lanes.StoreV(first, v);
            lanes.StoreU(first, theta);
            lanes.StoreSynE(first, synE);
            lanes.StoreSynI(first, synI);
            lanes.StoreRefractory(first, refractory);
            return count;
        }
    }
}
