using System.Numerics;
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
    public readonly int StepBlock(in NeuronBlock block, Span<int> spikes)
    {
        int n = block.Length;
        int count = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lanes = new BlockLanes(block);
            var decrement = new Vector<float>(_decrementPerStep);
            var threshold = new Vector<float>((float)Membrane.VThreshold);
            var reset = new Vector<float>((float)Membrane.VReset);
            var increment = new Vector<float>((float)ThresholdIncrement);
            var refractorySteps = new Vector<int>(_prepared.RefractorySteps);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = lanes.V(i);
                var synE = lanes.SynE(i);
                var synI = lanes.SynI(i);
                var refractory = lanes.Refractory(i);
                _prepared.Integrate(ref v, ref synE, ref synI, ref refractory, lanes.InputExcitatory(i), lanes.InputInhibitory(i), lanes.Current(i));
                var theta = lanes.U(i) - decrement;
                var fired = Vector.GreaterThanOrEqual(v, threshold + theta);
                if (fired != Vector<int>.Zero)
                {
                    v = Vector.ConditionalSelect(fired, reset, v);
                    refractory = Vector.ConditionalSelect(fired, refractorySteps, refractory);
                    theta = Vector.ConditionalSelect(fired, theta + increment, theta);
                    count = BlockUpdate.AppendSpikes(fired, i, spikes, count);
                }
                lanes.StoreV(i, v);
                lanes.StoreU(i, theta);
                lanes.StoreSynE(i, synE);
                lanes.StoreSynI(i, synI);
                lanes.StoreRefractory(i, refractory);
            }
        }
        return BlockUpdate.StepEach(this, block, i, spikes, count);
    }
}
