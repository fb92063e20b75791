using Snn.Core.Randomness;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Tests.Nalsm;

/// <summary>
/// An independent transcription of the authors' update loop for the plastic liquid (combra-lab/NALSM:
/// the per-ms loop of <c>run_W_DENSE_initialization_loop</c> and of the plastic presentation in
/// NALSM_CONSTRUCTOR_MNIST.py, the neuron of NALSM_LIF_v1.py, <c>STDP_w_astro_depression</c> and
/// <c>update_trace</c> of NALSM_STDP.py, <c>update_astro_state</c> and the decays of NALSM_ASTRO.py),
/// in float32 as their TensorFlow graph computes, over one network of input and liquid neurons.
/// Only the topology's arrays (sources, targets, initial weights, bounds) and the Bernoulli uniforms
/// (the same counter-based draws the library's input layer takes, so that both see one noise) come
/// from the library. Each ms t of a presentation:
/// <code>
/// S ← v ≥ θ and not refractory;  v ← 0 where S                       (input and liquid neurons alike)
/// Δt ← 0 on the synapses of spiking sources
/// v ← v − v/τ_v + Σ W·exp(−Δt/τ_u)/τ_u + I,  I = 100·[uniform &lt; p] for input neuron k
/// Δt ← Δt + 1;  refractory ← S ? t_ref : refractory − 1
/// W ← clip(W + η·x_pre·S_post − A·x_post·S_pre)     (excitatory and input sources)
/// W ← clip(W − A·x_pre·S_post + η·x_post·S_pre)     (inhibitory sources)
/// x ← d·(c·S + x)                                     (every neuron's trace)
/// A ← A + (w_A·(Σ liquid S − Σ input S) + b_A − A)/τ_A
/// presentation only: η, A, w_A, b_A ← γ·(η, A, w_A, b_A)
/// </code>
/// with v, S, refractory and Δt (to "long ago") reset, and A = b_A, w_A, b_A and η restored, before
/// every presentation. The authors' loop does not reset the traces between presentations;
/// <see cref="ResetTraces"/> chooses.
/// </summary>
internal sealed class AuthorsPlasticLiquid
{
    private const float Threshold = 20;
    private const float TauV = 64;
    private const int RefractorySteps = 2;
    private const float InputCurrent = 100;
    private const float TraceIncrement = 0.1f;
    private const float AstrocyteTau = 100;
    private const int LongAgo = 100;

    private readonly int _inputs;
    private readonly int _neurons;
    private readonly int[] _pre;
    private readonly int[] _post;
    private readonly bool[] _inhibitory;
    private readonly float[] _wMin;
    private readonly float[] _wMax;
    private readonly int[] _groupStart;

    public AuthorsPlasticLiquid(LiquidTopology topology)
    {
        _inputs = topology.InputCount;
        _neurons = _inputs + topology.LiquidCount;
        var groups = new[] { topology.Excitatory, topology.Inhibitory, topology.Input };
        int count = groups.Sum(g => g.Count);
        _pre = new int[count];
        _post = new int[count];
        _inhibitory = new bool[count];
        _wMin = new float[count];
        _wMax = new float[count];
        Weights = new float[count];
        Initial = new float[count];
        _groupStart = new int[4];
        int at = 0;
        for (int g = 0; g < 3; g++)
        {
            _groupStart[g] = at;
            for (int s = 0; s < groups[g].Count; s++, at++)
            {
                _pre[at] = g == 2 ? groups[g].Sources[s] : _inputs + groups[g].Sources[s];
                _post[at] = _inputs + groups[g].Targets[s];
                _inhibitory[at] = g == 1;
                _wMin[at] = (float)groups[g].WMin;
                _wMax[at] = (float)groups[g].WMax;
                Weights[at] = groups[g].Weights[s];
                Initial[at] = groups[g].Weights[s];
            }
        }
        _groupStart[3] = at;
        Traces = new float[_neurons];
    }

    /// <summary>Whether the traces go back to 0 before each presentation (the authors' loop keeps them).</summary>
    public bool ResetTraces { get; init; }

    /// <summary>The trace decay per ms d (the authors' grid multiplier for τ = 10 ms by default).</summary>
    public float TraceDecay { get; init; } = StdpDecayMultiplier(10);

    /// <summary>
    /// Times the rule's events as the engine does (one STDP event per spike, the postsynaptic one when
    /// the spike is emitted, the presynaptic one when it arrives a step later) instead of the authors'
    /// one update per ms. For the spikes S registered in ms t this differs from the loop above in:
    /// <list type="bullet">
    /// <item>depression by a presynaptic spike (potentiation for inhibitory sources) comes after the
    /// astrocyte and the traces took in S, so it reads A(t + 1) and d·x_post(t + 1) instead of A(t) and
    /// x_post(t), postsynaptic spikes of the same ms included;</item>
    /// <item>potentiation by a postsynaptic spike reads η of ms t − 1 (it differs only while η decays);</item>
    /// <item>the arriving spike transmits its weight after that depression, and the last-spike kernel
    /// is a current that decays by e^(−1/τ_u) per ms and jumps by W·(1 − e^(−h/τ_u)) at each arrival
    /// (h ms after the previous one), so earlier spikes' tails keep the weight they had, where the
    /// authors multiply the current W by exp(−Δt/τ_u);</item>
    /// <item>a postsynaptic spike crossing the threshold in the last ms of a presentation still
    /// potentiates (the authors' loop ends before registering it);</item>
    /// <item>the engine resets the traces per presentation (set <see cref="ResetTraces"/> with it).</item>
    /// </list>
    /// </summary>
    public bool EngineTiming { get; init; }

    /// <summary>η₊, the potentiation rate and the initial A (the authors initialise A to it).</summary>
    public float PotentiationRate { get; init; } = 0.15f;

    /// <summary>w_A.</summary>
    public float AstrocyteWeight { get; init; } = 0.015f;

    /// <summary>b_A = A(0)·(1 + offset), offset 0.</summary>
    public float AstrocyteBias { get; init; } = 0.15f;

    /// <summary>The decay factor γ of the presentation phase.</summary>
    public float Decay { get; init; } = 0.99f;

    /// <summary>Every synapse's weight: excitatory, inhibitory, then input group, each in the topology's order.</summary>
    public float[] Weights { get; private set; }

    /// <summary>The topology's initial weights, in the order of <see cref="Weights"/>.</summary>
    public float[] Initial { get; }

    /// <summary>Every neuron's STDP trace (inputs first).</summary>
    public float[] Traces { get; }

    /// <summary>The trace decay per ms d: of a grid of 1000 multipliers in [0.01, 0.9999], the one whose
    /// τ-th power is nearest e^(−1) (the authors' <c>approximate_stdp_decay_multiplier</c>).</summary>
    public static float StdpDecayMultiplier(int tau)
    {
        double target = Math.Exp(-1.0);
        double best = double.MaxValue;
        double chosen = 0;
        for (int i = 0; i < 1000; i++)
        {
            double m = 0.01 + i * (0.9999 - 0.01) / 999;
            double state = 1;
            for (int k = 0; k < tau; k++)
            {
                state *= m;
            }
            if (Math.Abs(state - target) < best)
            {
                best = Math.Abs(state - target);
                chosen = m;
            }
        }
        return (float)chosen;
    }

    /// <summary>The weights of group <paramref name="group"/> (0 excitatory, 1 inhibitory, 2 input).</summary>
    public float[] Group(int group) => Weights[_groupStart[group].._groupStart[group + 1]];

    /// <summary>The initial weights of group <paramref name="group"/>.</summary>
    public float[] InitialGroup(int group) => Initial[_groupStart[group].._groupStart[group + 1]];

    /// <summary>One presentation of <paramref name="window"/> ms of input probabilities
    /// <paramref name="p"/>, keyed <paramref name="key"/> for its Bernoulli draws; <paramref name="decays"/>
    /// runs the presentation phase's decays. Returns each liquid neuron's spikes registered in ms
    /// 1 … window (the last ones being the threshold crossings of the window's final update).</summary>
    public int[] Present(float[] p, int window, ulong seed, ulong key, bool decays)
    {
        var v = new float[_neurons];
        var refractory = new int[_neurons];
        var spiked = new bool[_neurons];
        var sinceSpike = new int[_pre.Length];
        var current = new float[_neurons];
        var lastArrival = new int[_pre.Length];
        Array.Fill(lastArrival, -1);
        Array.Fill(sinceSpike, LongAgo);
        if (ResetTraces)
        {
            Array.Clear(Traces);
        }
        float gamma = decays ? Decay : 1f;
        float eta = PotentiationRate;
        float a = PotentiationRate;
        float wA = AstrocyteWeight;
        float bA = AstrocyteBias;
        uint stream = RngStreams.User(0x4C3);
        var counts = new int[_neurons - _inputs];
        for (int t = 0; t < window; t++)
        {
            Register(v, refractory, spiked, counts, t > 0);
            for (int s = 0; s < _pre.Length; s++)
            {
                if (spiked[_pre[s]])
                {
                    sinceSpike[s] = 0;
                }
            }
            if (EngineTiming)
            {
                // The engine: potentiation when the post spike is emitted (one step earlier, so with the
                // previous step's η), depression when the pre spike arrives, after the astrocyte and the
                // traces took in this step's spikes, and the arriving spike transmits the depressed weight.
                float previousEta = eta / gamma;
                for (int s = 0; s < _pre.Length; s++)
                {
                    if (spiked[_post[s]])
                    {
                        Weights[s] = Math.Clamp(Weights[s] + (_inhibitory[s] ? -a : previousEta) * Traces[_pre[s]], _wMin[s], _wMax[s]);
                    }
                }
                UpdateTraces(spiked);
                float next = (a + (wA * Net(spiked) + bA - a) / AstrocyteTau) * gamma;
                for (int s = 0; s < _pre.Length; s++)
                {
                    if (spiked[_pre[s]] && t > 0)
                    {
                        Weights[s] = Math.Clamp(Weights[s] + (_inhibitory[s] ? eta : -next) * TraceDecay * Traces[_post[s]], _wMin[s], _wMax[s]);
                    }
                }
                IntegrateLastSpikeCurrent(v, current, lastArrival, spiked, p, seed, key, window, t, stream);
                UpdateRefractory(refractory, spiked);
                a = next;
                wA *= gamma;
                bA *= gamma;
                eta *= gamma;
                continue;
            }
            Integrate(v, Weights, sinceSpike, p, seed, key, window, t, stream);
            UpdateRefractory(refractory, spiked);
            for (int s = 0; s < _pre.Length; s++)
            {
                float sPost = spiked[_post[s]] ? 1f : 0f;
                float sPre = spiked[_pre[s]] ? 1f : 0f;
                float postRate = _inhibitory[s] ? -a : eta;
                float preRate = _inhibitory[s] ? eta : -a;
                float raw = Weights[s] + postRate * (Traces[_pre[s]] * sPost) + preRate * (Traces[_post[s]] * sPre);
                Weights[s] = Math.Clamp(raw, _wMin[s], _wMax[s]);
            }
            UpdateTraces(spiked);
            a += (wA * Net(spiked) + bA - a) / AstrocyteTau;
            eta *= gamma;
            a *= gamma;
            wA *= gamma;
            bA *= gamma;
        }
        Register(v, refractory, spiked, counts, true);
        if (EngineTiming)
        {
            // The engine also runs potentiation for the spikes emitted in the window's last step.
            for (int s = 0; s < _pre.Length; s++)
            {
                if (spiked[_post[s]])
                {
                    Weights[s] = Math.Clamp(Weights[s] + (_inhibitory[s] ? -a : eta / gamma) * Traces[_pre[s]], _wMin[s], _wMax[s]);
                }
            }
        }
        return counts;
    }

    /// <summary>v ← v − v/τ_v + Σ W·exp(−Δt/τ_u)/τ_u + I, then Δt ← Δt + 1 (τ_u = 1 ms).</summary>
    private void Integrate(float[] v, float[] weights, int[] sinceSpike, float[] p, ulong seed, ulong key, int window, int t, uint stream)
    {
        var drive = new float[_neurons];
        for (int s = 0; s < _pre.Length; s++)
        {
            drive[_post[s]] += weights[s] * MathF.Exp(-sinceSpike[s]);
        }
        for (int k = 0; k < _inputs; k++)
        {
            float u = Philox.UniformFloat(seed, key * (ulong)window + (ulong)t, stream, (uint)k);
            drive[k] += u < p[k] ? InputCurrent : 0f;
        }
        for (int i = 0; i < _neurons; i++)
        {
            v[i] = v[i] - v[i] / TauV + drive[i];
        }
        for (int s = 0; s < _pre.Length; s++)
        {
            sinceSpike[s] = Math.Min(sinceSpike[s] + 1, LongAgo);
        }
    }

    /// <summary>The engine's form of the last-spike kernel: each neuron's synaptic current decays by
    /// e^(−1/τ_u) per step, and an arriving spike adds W·(1 − e^(−h/τ_u)), h the steps since the
    /// synapse's previous arrival in this presentation (W for the first), the weight it has now; with a
    /// constant W this is W·exp(−Δt/τ_u) of the last spike, with a changing W the earlier spikes' tails
    /// keep their old weights.</summary>
    private void IntegrateLastSpikeCurrent(float[] v, float[] current, int[] lastArrival, bool[] spiked, float[] p, ulong seed, ulong key, int window, int t, uint stream)
    {
        float decay = (float)Math.Exp(-1);
        var arriving = new float[_neurons];
        for (int s = 0; s < _pre.Length; s++)
        {
            if (spiked[_pre[s]] && t > 0)
            {
                float factor = lastArrival[s] < 0 ? 1f : (float)(1 - Math.Exp(-(t - lastArrival[s])));
                arriving[_post[s]] += Weights[s] * factor;
                lastArrival[s] = t;
            }
        }
        for (int i = 0; i < _neurons; i++)
        {
            current[i] = current[i] * decay + arriving[i];
            float drive = current[i];
            if (i < _inputs)
            {
                float u = Philox.UniformFloat(seed, key * (ulong)window + (ulong)t, stream, (uint)i);
                drive += u < p[i] ? InputCurrent : 0f;
            }
            v[i] = v[i] - v[i] / TauV + drive;
        }
    }

    private static void UpdateRefractory(int[] refractory, bool[] spiked)
    {
        for (int i = 0; i < refractory.Length; i++)
        {
            refractory[i] = spiked[i] ? RefractorySteps : refractory[i] - 1;
        }
    }

    /// <summary>x ← d·(c·S + x) for every neuron.</summary>
    private void UpdateTraces(bool[] spiked)
    {
        for (int i = 0; i < _neurons; i++)
        {
            Traces[i] = TraceDecay * (TraceIncrement * (spiked[i] ? 1f : 0f) + Traces[i]);
        }
    }

    /// <summary>Liquid spikes minus input spikes (the astrocyte's weight mask: −1 on inputs, +1 on the liquid).</summary>
    private int Net(bool[] spiked)
    {
        int net = 0;
        for (int i = 0; i < _neurons; i++)
        {
            if (spiked[i])
            {
                net += i < _inputs ? -1 : 1;
            }
        }
        return net;
    }

    private void Register(float[] v, int[] refractory, bool[] spiked, int[] counts, bool count)
    {
        for (int i = 0; i < _neurons; i++)
        {
            spiked[i] = refractory[i] <= 0 && v[i] >= Threshold;
            if (spiked[i])
            {
                v[i] = 0;
                if (count && i >= _inputs)
                {
                    counts[i - _inputs]++;
                }
            }
        }
    }
}
