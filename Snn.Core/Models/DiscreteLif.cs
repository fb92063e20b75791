using System.Numerics;
using System.Runtime.CompilerServices;
using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// The discrete-time LIF neuron of step-based surrogate-gradient training (SpikingJelly's
/// <c>LIFNode</c> with <c>decay_input = False</c>, hard reset to 0), as a Snn.Core model, so a
/// trained Snn.Learning <c>DelayNetwork</c> runs on any backend (and exports to ONNX):
/// <code>
/// V ← Decay · V + ((I_e + I_i) + Bias)        (I: voltage jumps arriving this step;
///                                              Bias only from step BiasOnsetStep on)
/// V ≥ VThreshold:  spike, V ← VReset           (only when Spiking)
/// </code>
/// Units are dimensionless "thresholds" (the trained model's scale, reported as mV): weights are
/// instantaneous jumps, Bias is added every step. Decay is per step of the network's dt, whatever
/// dt is. With <see cref="Spiking"/> false the neuron is a leaky integrator that never fires (the
/// readout). Injected current is ignored.
/// </summary>
public struct DiscreteLif : IBlockNeuronModel<DiscreteLif>
{
    /// <summary>Creates a spiking neuron with Decay 0.9, threshold 1, reset 0 and no bias.</summary>
    public DiscreteLif()
    {
    }

    /// <summary>Membrane decay per step, 1 − 1/τ, in [0, 1). Default 0.9.</summary>
    public float Decay { get; init; } = 0.9f;

    /// <summary>Constant input per step (mV). Default 0.</summary>
    public float Bias { get; init; }

    /// <summary>The first step (index of the simulation step, ≥ 0) in which <see cref="Bias"/> flows.
    /// A layer exported from a trained model lags it by a few steps (Snn.Core's one-step minimum
    /// delay per synapse layer); starting its bias with its first trained step keeps the membrane
    /// at rest until then. Default 0.</summary>
    public long BiasOnsetStep { get; init; }

    /// <summary>Spike threshold (mV). Default 1.</summary>
    public float VThreshold { get; init; } = 1f;

    /// <summary>Reset potential (mV), below <see cref="VThreshold"/>. Default 0.</summary>
    public float VReset { get; init; }

    /// <summary>Whether the neuron fires (false: a non-spiking readout membrane). Default true.</summary>
    public bool Spiking { get; init; } = true;

    /// <summary>A spiking neuron with membrane time constant τ (steps, &gt; 1) and a bias (mV per step).</summary>
    public static DiscreteLif WithTau(double tauSteps, float bias = 0f)
    {
        if (!double.IsFinite(tauSteps) || tauSteps <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tauSteps), tauSteps, $"tauSteps = {tauSteps} must be finite and > 1 step.");
        }
        return new DiscreteLif { Decay = (float)(1 - 1 / tauSteps), Bias = bias };
    }

    /// <inheritdoc />
    public readonly string ModelName => Spiking ? "discrete-lif" : "discrete-lif-readout";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.VoltageJump;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.InRange(Decay, 0, Math.BitDecrement(1.0), nameof(Decay));
        Guard.Finite(Bias, nameof(Bias));
        if (BiasOnsetStep < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BiasOnsetStep), BiasOnsetStep, $"BiasOnsetStep = {BiasOnsetStep} must be >= 0.");
        }
        Guard.Finite(VThreshold, nameof(VThreshold));
        Guard.Finite(VReset, nameof(VReset));
        if (VReset >= VThreshold)
        {
            throw new ArgumentOutOfRangeException(nameof(VReset), VReset, $"VReset = {VReset} mV must be below VThreshold = {VThreshold} mV.");
        }
    }

    /// <inheritdoc />
    public readonly NeuronState InitialState() => default;

    /// <inheritdoc />
    public readonly DiscreteLif Prepare(double dt)
    {
        Guard.Positive(dt, nameof(dt));
        return this;
    }

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        float bias = context.Step >= BiasOnsetStep ? Bias : 0f;
        float v = Decay * state.V + ((inputExcitatory + inputInhibitory) + bias);
        if (Spiking && v >= VThreshold)
        {
            state.V = VReset;
            return true;
        }
        state.V = v;
        return false;
    }

    /// <inheritdoc />
    public readonly int StepBlock(in NeuronBlock block, Span<int> spikes)
        => BlockUpdate.StepVectors(this, new VectorStep(this, block.Context.Step >= BiasOnsetStep ? Bias : 0f), block, spikes);

    /// <summary><see cref="Step"/> on a vector of neurons, lane by lane bit-identical to it.</summary>
    private readonly struct VectorStep(DiscreteLif model, float bias) : IVectorStep
    {
        private readonly Vector<float> _decay = new(model.Decay);
        private readonly Vector<float> _bias = new(bias);
        private readonly Vector<float> _threshold = new(model.VThreshold);
        private readonly Vector<float> _reset = new(model.VReset);
        private readonly bool _spiking = model.Spiking;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Step(in BlockLanes lanes, int first, Span<int> spikes, int count)
        {
            var v = _decay * lanes.V(first) + ((lanes.InputExcitatory(first) + lanes.InputInhibitory(first)) + _bias);
            if (_spiking)
            {
                var fired = Vector.GreaterThanOrEqual(v, _threshold);
                if (fired != Vector<int>.Zero)
                {
                    v = Vector.ConditionalSelect(fired, _reset, v);
                    count = BlockUpdate.AppendSpikes(fired, first, spikes, count);
                }
            }
            lanes.StoreV(first, v);
            return count;
        }
    }
}
