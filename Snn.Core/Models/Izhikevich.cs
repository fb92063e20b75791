using System.Numerics;
using System.Runtime.CompilerServices;
using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// Izhikevich's simple model (Izhikevich 2003, "Simple model of spiking neurons", IEEE TNN 14:1569).
/// <code>
/// dv/dt = 0.04 v² + 5 v + 140 − u + I       (v in mV, t in ms)
/// du/dt = a (b v − u)
/// v ≥ v_peak:  spike, v ← c, u ← u + d
/// </code>
/// v is advanced by forward Euler in sub-steps of at most 0.5 ms (<see cref="IzhikevichSubSteps"/>)
/// and u by one Euler step with the new v, which at dt = 1 ms is exactly the two half-steps of the
/// paper's code. Synaptic input is a
/// one-step current pulse whose charge moves v by the weight (mV): at dt = 1 ms this is the paper's
/// <c>I = I + sum(S(:,fired),2)</c>. <see cref="NeuronState.U"/> holds u.
/// </summary>
public struct Izhikevich : IBlockNeuronModel<Izhikevich>
{
    private float _dt;
    private float _subStep;
    private int _subSteps;
    private float _a;
    private float _b;
    private float _c;
    private float _d;
    private float _vPeak;
    private float _bias;

    /// <summary>Creates a regular-spiking (RS) neuron.</summary>
    public Izhikevich()
    {
    }

    /// <summary>Recovery time scale a (1/ms). Default 0.02.</summary>
    public double A { get; init; } = 0.02;

    /// <summary>Recovery sensitivity b to v (dimensionless). Default 0.2.</summary>
    public double B { get; init; } = 0.2;

    /// <summary>After-spike reset value c of v (mV). Default -65.</summary>
    public double C { get; init; } = -65;

    /// <summary>After-spike increment d of u. Default 8.</summary>
    public double D { get; init; } = 8;

    /// <summary>Spike cut-off v_peak (mV). Default 30.</summary>
    public double VPeak { get; init; } = 30;

    /// <summary>Constant bias current I (the paper's unit, mV/ms). Default 0.</summary>
    public double Bias { get; init; }

    /// <summary>Regular spiking (excitatory cortical), a/b/c/d = 0.02/0.2/-65/8.</summary>
    public static Izhikevich RegularSpiking => new() { A = 0.02, B = 0.2, C = -65, D = 8 };

    /// <summary>Intrinsically bursting, 0.02/0.2/-55/4.</summary>
    public static Izhikevich IntrinsicallyBursting => new() { A = 0.02, B = 0.2, C = -55, D = 4 };

    /// <summary>Chattering (fast rhythmic bursting), 0.02/0.2/-50/2.</summary>
    public static Izhikevich Chattering => new() { A = 0.02, B = 0.2, C = -50, D = 2 };

    /// <summary>Fast spiking (inhibitory), 0.1/0.2/-65/2.</summary>
    public static Izhikevich FastSpiking => new() { A = 0.1, B = 0.2, C = -65, D = 2 };

    /// <summary>Low-threshold spiking (inhibitory), 0.02/0.25/-65/2.</summary>
    public static Izhikevich LowThresholdSpiking => new() { A = 0.02, B = 0.25, C = -65, D = 2 };

    /// <summary>Thalamo-cortical, 0.02/0.25/-65/0.05.</summary>
    public static Izhikevich ThalamoCortical => new() { A = 0.02, B = 0.25, C = -65, D = 0.05 };

    /// <summary>Resonator, 0.1/0.26/-65/2.</summary>
    public static Izhikevich Resonator => new() { A = 0.1, B = 0.26, C = -65, D = 2 };

    /// <summary>The preset with the paper's two-letter name: RS, IB, CH, FS, LTS, TC or RZ.</summary>
    /// <param name="name">The preset name (case-insensitive).</param>
    public static Izhikevich Preset(string name) => name.ToUpperInvariant() switch
    {
        "RS" => RegularSpiking,
        "IB" => IntrinsicallyBursting,
        "CH" => Chattering,
        "FS" => FastSpiking,
        "LTS" => LowThresholdSpiking,
        "TC" => ThalamoCortical,
        "RZ" => Resonator,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"name = '{name}' must be one of RS, IB, CH, FS, LTS, TC, RZ."),
    };

    /// <inheritdoc />
    public readonly string ModelName => "izhikevich-2003";

    /// <inheritdoc />
    public readonly SynapseKind SynapseKind => SynapseKind.VoltageJump;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.Finite(A, nameof(A));
        Guard.Finite(B, nameof(B));
        Guard.Finite(C, nameof(C));
        Guard.Finite(D, nameof(D));
        Guard.Finite(Bias, nameof(Bias));
        Guard.Finite(VPeak, nameof(VPeak));
        if (C >= VPeak)
        {
            throw new ArgumentOutOfRangeException(nameof(C), C, $"C = {C} mV must be below VPeak = {VPeak} mV.");
        }
    }

    /// <summary>The paper's initial state: v = -65 mV, u = b v.</summary>
    public readonly NeuronState InitialState() => new() { V = -65f, U = (float)(B * -65.0) };

    /// <summary>The largest time step (ms) the model accepts: two 0.5 ms sub-steps of v, the
    /// integration of the model's paper.</summary>
    public const double MaxDt = 1;

    /// <inheritdoc />
    public readonly Izhikevich Prepare(double dt)
    {
        Guard.Positive(dt, nameof(dt));
        if (dt > MaxDt)
        {
            throw new ArgumentOutOfRangeException(nameof(dt), dt,
                $"Izhikevich neurons need dt <= {MaxDt} ms (dt = {dt} ms): v is compared with VPeak only at the end of a step, and past the peak its "
                + "quadratic growth overflows to infinity within the further 0.5 ms sub-steps of a longer step. Use dt <= 1 ms, as the model's paper does.");
        }
        var prepared = this;
        var subSteps = IzhikevichSubSteps.For(dt);
        prepared._subSteps = subSteps.Count;
        prepared._subStep = (float)subSteps.SubStep;
        prepared._dt = (float)dt;
        prepared._a = (float)A;
        prepared._b = (float)B;
        prepared._c = (float)C;
        prepared._d = (float)D;
        prepared._vPeak = (float)VPeak;
        prepared._bias = (float)Bias;
        return prepared;
    }

    /// <inheritdoc />
    public readonly bool Step(ref NeuronState state, float inputExcitatory, float inputInhibitory, float current, in StepContext context)
    {
        float drive = _bias + current + (inputExcitatory + inputInhibitory) / _dt;
        float v = state.V;
        float u = state.U;
        for (int k = 0; k < _subSteps; k++)
        {
            v += _subStep * (0.04f * v * v + 5f * v + 140f - u + drive);
        }
        u += _dt * _a * (_b * v - u);
        if (v >= _vPeak)
        {
            state.V = _c;
            state.U = u + _d;
            return true;
        }
        state.V = v;
        state.U = u;
        return false;
    }

    /// <inheritdoc />
    public readonly int StepBlock(in NeuronBlock block, Span<int> spikes) => BlockUpdate.StepVectors(this, new VectorStep(this), block, spikes);

    /// <summary><see cref="Step"/> on a vector of neurons, lane by lane bit-identical to it.</summary>
    private readonly struct VectorStep(Izhikevich model) : IVectorStep
    {
        private readonly Vector<float> _bias = new(model._bias);
        private readonly Vector<float> _dt = new(model._dt);
        private readonly Vector<float> _subStep = new(model._subStep);
        private readonly Vector<float> _dtA = new(model._dt * model._a);
        private readonly Vector<float> _b = new(model._b);
        private readonly Vector<float> _c = new(model._c);
        private readonly Vector<float> _d = new(model._d);
        private readonly Vector<float> _vPeak = new(model._vPeak);
        private readonly int _subSteps = model._subSteps;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Step(in BlockLanes lanes, int first, Span<int> spikes, int count)
        {
            var drive = _bias + lanes.Current(first) + (lanes.InputExcitatory(first) + lanes.InputInhibitory(first)) / _dt;
            var v = lanes.V(first);
            var u = lanes.U(first);
            for (int k = 0; k < _subSteps; k++)
            {
                v += _subStep * (new Vector<float>(0.04f) * v * v + new Vector<float>(5f) * v + new Vector<float>(140f) - u + drive);
            }
            u += _dtA * (_b * v - u);
            var fired = Vector.GreaterThanOrEqual(v, _vPeak);
            if (fired != Vector<int>.Zero)
            {
                v = Vector.ConditionalSelect(fired, _c, v);
                u = Vector.ConditionalSelect(fired, u + _d, u);
                count = BlockUpdate.AppendSpikes(fired, first, spikes, count);
            }
            lanes.StoreV(first, v);
            lanes.StoreU(first, u);
            return count;
        }
    }
}
