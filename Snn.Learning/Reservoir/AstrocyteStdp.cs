using Snn.Core.Models;
using Snn.Core.Numerics;
using Snn.Core.Plasticity;
using Snn.Core.Validation;
using Snn.Learning.Plasticity;

namespace Snn.Learning.Reservoir;

/// <summary>
/// The astrocyte-modulated STDP of Ivanov &amp; Michmizos (2021, NALSM). Traces follow
/// x ← d·(x + c·s) per 1 ms step (d = 0.90477, c = 0.1), one per presynaptic synapse end (counted at
/// the spike's arrival) and one per postsynaptic neuron. With s the spikes and A(t) the astrocyte:
/// <code>
/// excitatory or input j:  ΔW_ij = η₊·x_j·s_i − A(t)·x_i·s_j       W ∈ [WMin, WMax] (E [0, 3], input [−3, 3])
/// inhibitory j:           ΔW_ij = −A(t)·x_j·s_i + η₊·x_i·s_j      W ∈ [−3, 0]
/// </code>
/// A(t) arrives as the projection's modulator, which the engine hands to both spike events: an
/// event in step k uses A as it stood at the end of step k − 1. The rule needs no periodic pass.
/// η₊ decays as η₊·<see cref="PotentiationDecayPerMs"/>^(steps since
/// the window start) (the paper's ×0.99 per ms during a sample; 1 during initialisation).
/// With <see cref="WindowSteps"/> &gt; 0, traces from an earlier window count as zero and spikes
/// arriving in a window's first step (sent in the previous window) change nothing, matching
/// <see cref="NalsmNeuron.WindowSteps"/>. Defined for dt = 1 ms. On the host engines the arrivals of a
/// step and a target's postsynaptic event run in batches that read the trace decays d^Δ from a table
/// (<see cref="IBatchedEventRule"/>), the same bits as one e^x per trace.
/// </summary>
public struct AstrocyteStdp : IPlasticityRule<AstrocyteStdp>, IBatchedEventRule
{
    private float _logTraceDecay;
    private float _traceJump;
    private float _logPotentiationDecay;

    /// <summary>Creates the rule with the paper's parameters for excitatory synapses in [0, 3].</summary>
    public AstrocyteStdp()
    {
    }

    /// <summary>Which form of the rule applies.</summary>
    public PresynapticType Presynaptic { get; init; }

    /// <summary>Potentiation rate η₊ (weight units per unit trace), ≥ 0. Default 0.15.</summary>
    public double PotentiationRate { get; init; } = 0.15;

    /// <summary>Factor by which η₊ shrinks per ms since the window start, in (0, 1]. Default 1.</summary>
    public double PotentiationDecayPerMs { get; init; } = 1;

    /// <summary>Trace decay per 1 ms step d, in (0, 1). Default 0.90477 (τ ≈ 10 ms).</summary>
    public double TraceDecay { get; init; } = 0.90477;

    /// <summary>Trace increment per spike c (before the step's decay), &gt; 0. Default 0.1.</summary>
    public double TraceIncrement { get; init; } = 0.1;

    /// <summary>Lower weight bound (mV per unit kernel). Default 0.</summary>
    public double WMin { get; init; }

    /// <summary>Upper weight bound, &gt; WMin. Default 3.</summary>
    public double WMax { get; init; } = 3;

    /// <summary>Presentation window (steps), ≥ 0; 0 means traces are never reset. Default 0.</summary>
    public int WindowSteps { get; init; }

    /// <inheritdoc />
    public readonly string RuleName => $"astrocyte-stdp ({Presynaptic})";

    /// <inheritdoc />
    public readonly double PeriodMs => 0;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.NonNegative(PotentiationRate, nameof(PotentiationRate));
        if (!(PotentiationDecayPerMs > 0 && PotentiationDecayPerMs <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PotentiationDecayPerMs), PotentiationDecayPerMs, $"PotentiationDecayPerMs = {PotentiationDecayPerMs} must be in (0, 1].");
        }
        if (!(TraceDecay > 0 && TraceDecay < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TraceDecay), TraceDecay, $"TraceDecay = {TraceDecay} must be in (0, 1).");
        }
        Guard.Positive(TraceIncrement, nameof(TraceIncrement));
        Guard.Finite(WMin, nameof(WMin));
        Guard.Finite(WMax, nameof(WMax));
        if (WMax <= WMin)
        {
            throw new ArgumentOutOfRangeException(nameof(WMax), WMax, $"WMax = {WMax} must exceed WMin = {WMin}.");
        }
        Guard.InRange(WindowSteps, 0, int.MaxValue, nameof(WindowSteps));
    }

    /// <inheritdoc />
    public readonly AstrocyteStdp Prepare(double dt)
    {
        if (dt != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dt), dt, $"dt = {dt} ms: the NALSM rule is defined on 1 ms steps (dt = 1).");
        }
        var prepared = this;
        prepared._logTraceDecay = (float)Math.Log(TraceDecay);
        prepared._traceJump = (float)(TraceDecay * TraceIncrement);
        prepared._logPotentiationDecay = (float)Math.Log(PotentiationDecayPerMs);
        return prepared;
    }

    /// <inheritdoc />
    public readonly void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        long start = WindowStart(step);
        if (start == step && WindowSteps > 0)
        {
            return;
        }
        float postTrace = Trace(post.Post1, post.LastStep, start, step);
        float change = Presynaptic == PresynapticType.Excitatory
            ? -modulator * postTrace
            : Potentiation(step, start) * postTrace;
        synapse.Weight = WeightBounds.Clamp(synapse.Weight + change, WMin, WMax);
        synapse.Pre1 = Trace(synapse.Pre1, synapse.LastStep, start, step) + _traceJump;
        synapse.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        long start = WindowStart(step);
        float preTrace = Trace(synapse.Pre1, synapse.LastStep, start, step);
        float change = Presynaptic == PresynapticType.Excitatory
            ? Potentiation(step, start) * preTrace
            : -modulator * preTrace;
        synapse.Weight = WeightBounds.Clamp(synapse.Weight + change, WMin, WMax);
    }

    /// <inheritdoc />
    public readonly ISpikeEventBatch CreateEventBatch() => new EventBatch(this);

    /// <inheritdoc />
    public readonly void AfterPostSpike(ref PostState post, long step)
    {
        post.Post1 = Trace(post.Post1, post.LastStep, WindowStart(step), step) + _traceJump;
        post.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }

    /// <summary>The trace valid at the end of <paramref name="lastStep"/>, decayed to <paramref name="step"/>
    /// (zero when it belongs to an earlier window or was never set).</summary>
    private readonly float Trace(float value, long lastStep, long windowStart, long step)
        => lastStep < windowStart || lastStep < 0 ? 0f : value * DeterministicMath.Exp((step - lastStep) * _logTraceDecay);

    private readonly float Potentiation(long step, long windowStart)
        => (float)PotentiationRate * (_logPotentiationDecay == 0 ? 1f : DeterministicMath.Exp((step - windowStart) * _logPotentiationDecay));

    private readonly long WindowStart(long step) => WindowSteps > 0 ? step - step % WindowSteps : 0;

    /// <summary>
    /// The rule's events in batches on the host engines: the window start and the potentiation rate
    /// are computed once per call, and a trace last set Δ steps ago inside the window decays by a table
    /// entry d^Δ = e^(Δ·ln d), computed with the same <see cref="DeterministicMath.Exp(float)"/> as the
    /// one-synapse events (and on the spot beyond the table, where there is no window).
    /// </summary>
    private sealed class EventBatch : ISpikeEventBatch
    {
        private const int UnwindowedTableSteps = 1024;
        private readonly AstrocyteStdp _rule;
        private readonly float[] _decay;

        public EventBatch(AstrocyteStdp rule)
        {
            _rule = rule;
            _decay = new float[rule.WindowSteps > 0 ? rule.WindowSteps : UnwindowedTableSteps];
            for (int delta = 0; delta < _decay.Length; delta++)
            {
                _decay[delta] = DeterministicMath.Exp((long)delta * rule._logTraceDecay);
            }
        }

        public void OnPreArrivals(Span<SynapseState> states, ReadOnlySpan<PostState> post, ReadOnlySpan<int> positions, ReadOnlySpan<int> targetOf, float modulator, long step)
        {
            long start = _rule.WindowStart(step);
            if (start == step && _rule.WindowSteps > 0)
            {
                return;
            }
            float factor = _rule.Presynaptic == PresynapticType.Excitatory ? -modulator : _rule.Potentiation(step, start);
            float jump = _rule._traceJump;
            foreach (int position in positions)
            {
                ref var synapse = ref states[position];
                ref readonly var target = ref post[targetOf[position]];
                float postTrace = Decayed(target.Post1, target.LastStep, start, step);
                synapse.Weight = WeightBounds.Clamp(synapse.Weight + factor * postTrace, _rule.WMin, _rule.WMax);
                synapse.Pre1 = Decayed(synapse.Pre1, synapse.LastStep, start, step) + jump;
                synapse.LastStep = step;
            }
        }

        public void OnPostSpike(Span<SynapseState> states, ReadOnlySpan<int> incoming, in PostState post, float modulator, long step)
        {
            long start = _rule.WindowStart(step);
            float factor = _rule.Presynaptic == PresynapticType.Excitatory ? _rule.Potentiation(step, start) : -modulator;
            foreach (int position in incoming)
            {
                ref var synapse = ref states[position];
                float preTrace = Decayed(synapse.Pre1, synapse.LastStep, start, step);
                synapse.Weight = WeightBounds.Clamp(synapse.Weight + factor * preTrace, _rule.WMin, _rule.WMax);
            }
        }

        /// <summary><see cref="Trace"/> with the decay from the table.</summary>
        private float Decayed(float value, long lastStep, long windowStart, long step)
        {
            if (lastStep < windowStart || lastStep < 0)
            {
                return 0f;
            }
            long delta = step - lastStep;
            return value * ((ulong)delta < (ulong)_decay.Length ? _decay[delta] : DeterministicMath.Exp(delta * _rule._logTraceDecay));
        }
    }
}
