using System.Numerics;
using System.Runtime.CompilerServices;
using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// The discrete-time LIF neuron of the zero-shot LSM of Lin et al. (Nat. Comput. Sci. 2025; their
/// public code, <c>LSM-NMNIST/lsm_sim_gaussian.py</c>: decay 0.9, threshold 5, 50-step window),
/// with a reset at the start of every presentation window so that one simulation can present many
/// samples back to back:
/// <code>
/// step k with k mod WindowSteps = 0:  V ← 0, input discarded, no spike   (window boundary)
/// otherwise:  V ← Decay·V + (I_e + I_i);   V &gt; VThreshold: spike, V ← 0
/// </code>
/// Units are dimensionless (weights are voltage jumps). Dt is irrelevant: one step is one time bin.
/// The same equations as <see cref="DiscreteLif"/> plus
/// the window reset.
/// </summary>
public struct WindowedLif : IBlockNeuronModel<WindowedLif>
{
    /// <summary>Creates the paper's neuron: decay 0.9, threshold 5, 51-step windows (1 reset + 50 bins).</summary>
    public WindowedLif()
    {
    }

    /// <summary>Membrane decay per step, in [0, 1). Default 0.9.</summary>
    public float Decay { get; init; } = 0.9f;

    /// <summary>Spike threshold (dimensionless, &gt; 0). Default 5.</summary>
    public float VThreshold { get; init; } = 5f;

    /// <summary>Steps per window including the reset step, ≥ 2. Default 51.</summary>
    public int WindowSteps { get; init; } = 51;

    /// <inheritdoc />
    public readonly string ModelName => "windowed-discrete-lif";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.VoltageJump;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.InRange(Decay, 0, Math.BitDecrement(1.0), nameof(Decay));
        Guard.Positive(VThreshold, nameof(VThreshold));
        Guard.InRange(WindowSteps, 2, int.MaxValue, nameof(WindowSteps));
    }

    /// <inheritdoc />
    public readonly NeuronState InitialState() => default;

    /// <inheritdoc />
    public readonly WindowedLif Prepare(double dt)
    {
        Guard.Positive(dt, nameof(dt));
        return this;
    }

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        if (context.Step % WindowSteps == 0)
        {
            state.V = 0;
            return false;
        }
        float v = Decay * state.V + (inputExcitatory + inputInhibitory);
        if (v > VThreshold)
        {
            state.V = 0;
            return true;
        }
        state.V = v;
        return false;
    }

    /// <inheritdoc />
    public readonly int StepBlock(in NeuronBlock block, Span<int> spikes)
    {
        if (block.Context.Step % WindowSteps == 0)
        {
            block.V.Clear();
            return 0;
        }
        return BlockUpdate.StepVectors(this, new VectorStep(this), block, spikes);
    }

    /// <summary><see cref="Step"/> on a vector of neurons (past the window boundary), lane by lane bit-identical to it.</summary>
    private readonly struct VectorStep(WindowedLif model) : IVectorStep
    {
        private readonly Vector<float> _decay = new(model.Decay);
        private readonly Vector<float> _threshold = new(model.VThreshold);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Step(in BlockLanes lanes, int first, Span<int> spikes, int count)
        {
            var v = _decay * lanes.V(first) + (lanes.InputExcitatory(first) + lanes.InputInhibitory(first));
            var fired = Vector.GreaterThan(v, _threshold);
            if (fired != Vector<int>.Zero)
            {
                v = Vector.ConditionalSelect(fired, Vector<float>.Zero, v);
                count = BlockUpdate.AppendSpikes(fired, first, spikes, count);
            }
            lanes.StoreV(first, v);
            return count;
        }
    }
}
