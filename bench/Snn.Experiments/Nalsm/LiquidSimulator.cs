using System.Diagnostics;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Randomness;
using Snn.Core.Simulation;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>
/// Runs a liquid through any <see cref="IBackend"/>. Core networks are immutable once compiled, so
/// one network presents a chunk of samples back to back: the input is a spike source replaying the
/// precomputed input-neuron trains of the whole chunk, one window of steps per sample; the neurons
/// (<see cref="NalsmNeuron.WindowSteps"/>) and the rule (<see cref="AstrocyteStdp.WindowSteps"/>)
/// reset themselves at every window start, and the weights go back to W_INI between samples
/// (<see cref="IWeightWriting.SetWeights"/>). In the plastic modes the simulation advances 1 ms at a
/// time: a modulator with source = liquid (gain 1, no decay) counts the liquid's spikes, the
/// <see cref="Astrocyte"/> is advanced in user code (it also needs the input spikes, a second source
/// Core's <see cref="Modulator"/> cannot subtract, and the per-ms decay of w_A and b_A), and its A
/// is written into a second modulator that the rules read (A lags by 1 ms: τ_A is 100 ms).
/// With <see cref="SynapticKernel.LastSpike"/> every projection has short-term plasticity with U = 1
/// and τ_rec = τ_u, reset at every window.
/// </summary>
public sealed class LiquidSimulator
{
    private const double NoDecayTauMs = 1e12;
    private readonly LiquidTopology _topology;
    private readonly NalsmOptions _options;
    private readonly IBackend _backend;
    private float[][] _weights;

    /// <summary>Creates the simulator at the topology's initial weights.</summary>
    /// <param name="topology">The liquid.</param>
    /// <param name="options">The protocol (validated).</param>
    /// <param name="backend">The engine that compiles every chunk's network.</param>
    public LiquidSimulator(LiquidTopology topology, NalsmOptions options, IBackend backend)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(backend);
        options.Validate();
        if (!ReferenceEquals(topology.Options, options.Liquid) && topology.Options != options.Liquid)
        {
            throw new ArgumentException("topology was built from other LiquidOptions than options.Liquid.", nameof(topology));
        }
        _topology = topology;
        _options = options;
        _backend = backend;
        _weights = [(float[])topology.Excitatory.Weights.Clone(), (float[])topology.Inhibitory.Weights.Clone(), (float[])topology.Input.Weights.Clone()];
    }

    /// <summary>The current weights (W_INI after <see cref="Initialize"/>): excitatory, inhibitory and input groups, in the order of <see cref="LiquidTopology"/>.</summary>
    public IReadOnlyList<float[]> Weights => _weights;

    /// <summary>Replaces the current weights (same groups and lengths as <see cref="Weights"/>).</summary>
    public void SetWeights(IReadOnlyList<float[]> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != 3)
        {
            throw new ArgumentException($"weights has {weights.Count} groups; it needs 3 (excitatory, inhibitory, input).", nameof(weights));
        }
        for (int g = 0; g < 3; g++)
        {
            if (weights[g] is null || weights[g].Length != _weights[g].Length)
            {
                throw new ArgumentException($"weights[{g}] must have {_weights[g].Length} values.", nameof(weights));
            }
        }
        _weights = [(float[])weights[0].Clone(), (float[])weights[1].Clone(), (float[])weights[2].Clone()];
    }

    /// <summary>
    /// Phase 1: <see cref="NalsmOptions.InitializationSamples"/> presentations of
    /// <see cref="NalsmOptions.InitializationMs"/> each, of samples drawn at random from
    /// <paramref name="probabilities"/>, with plasticity on and the weights carried over (neuron,
    /// trace and astrocyte state reset per sample). Does nothing in <see cref="ReservoirMode.Static"/>.
    /// </summary>
    /// <param name="probabilities">Input probabilities of the training samples (<see cref="InputEncoding.Probabilities"/>).</param>
    /// <param name="progress">Receives the samples done.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    public void Initialize(IReadOnlyList<float[]> probabilities, IProgress<ReservoirProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        int total = _options.InitializationSamples;
        if (_options.Mode == ReservoirMode.Static || total == 0)
        {
            return;
        }
        if (probabilities.Count == 0)
        {
            throw new ArgumentException("probabilities is empty; initialisation needs training samples.", nameof(probabilities));
        }
        var rng = new CounterRng(_options.Seed, RngStreams.User(0x4C4), 0);
        int chunk = _options.ChunkSamples * Math.Max(1, _options.PresentationMs / _options.InitializationMs);
        for (int done = 0; done < total; done += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(chunk, total - done);
            var samples = new float[count][];
            var keys = new ulong[count];
            for (int s = 0; s < count; s++)
            {
                samples[s] = probabilities[rng.NextInt(probabilities.Count)];
                keys[s] = (1UL << 40) + (ulong)(done + s);
            }
            _weights = RunChunk(samples, keys, _options.InitializationMs, presentation: false, null, null, 0).Weights;
            progress?.Report(new ReservoirProgress("initialisation", done + count, total));
        }
    }

    /// <summary>
    /// Phase 2: presents every sample for <see cref="NalsmOptions.PresentationMs"/> from the current
    /// weights (reset to them before each sample), with plasticity on in the plastic modes while η₊,
    /// A, w_A and b_A decay by <see cref="NalsmOptions.PresentationDecayPerMs"/> per ms, and counts
    /// each liquid neuron's spikes. Chunks run in parallel on <see cref="NalsmOptions.Workers"/> threads
    /// and are combined in their order, so the result depends neither on the number of threads nor on
    /// which chunks came from <paramref name="journal"/>.
    /// </summary>
    /// <param name="probabilities">Input probabilities, one array per sample.</param>
    /// <param name="keyOffset">Added to a sample's index to key its input noise (keep the sets of keys disjoint).</param>
    /// <param name="phase">The name progress reports use.</param>
    /// <param name="progress">Receives the samples done (first those found in <paramref name="journal"/>).</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    /// <param name="journal">Supplies the chunks an earlier run finished (they are not simulated again)
    /// and keeps every chunk this call finishes; null for none.</param>
    public LiquidResponses Present(IReadOnlyList<float[]> probabilities, ulong keyOffset, string phase = "features", IProgress<ReservoirProgress>? progress = null,
        CancellationToken cancellationToken = default, IPresentationJournal? journal = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        int total = probabilities.Count;
        int chunk = _options.ChunkSamples;
        int chunks = (total + chunk - 1) / chunk;
        var counts = new int[total][];
        var results = new LiquidChunk[chunks];
        var missing = new List<int>();
        int done = 0;
        for (int c = 0; c < chunks; c++)
        {
            int first = c * chunk;
            int count = Math.Min(chunk, total - first);
            if (journal?.Find(c) is not { } saved)
            {
                missing.Add(c);
                continue;
            }
            if (saved.Counts.Length != count)
            {
                throw new InvalidOperationException($"The journal's chunk {c} of {phase} holds {saved.Counts.Length} samples; it has {count}.");
            }
            saved.Counts.CopyTo(counts, first);
            results[c] = saved;
            done += count;
        }
        if (done > 0)
        {
            progress?.Report(new ReservoirProgress(phase, done, total));
        }
        var gate = new object();
        var clock = Stopwatch.StartNew();
        Parallel.For(0, missing.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Workers, CancellationToken = cancellationToken }, m =>
        {
            int c = missing[m];
            int first = c * chunk;
            int count = Math.Min(chunk, total - first);
            var samples = new float[count][];
            var keys = new ulong[count];
            for (int s = 0; s < count; s++)
            {
                samples[s] = probabilities[first + s];
                keys[s] = keyOffset + (ulong)(first + s);
            }
            var local = BranchingFactor.Of(_topology, _options.BranchingMarginMs);
            int measured = Math.Clamp(_options.BranchingSamples - first, 0, count);
            var result = RunChunk(samples, keys, _options.PresentationMs, presentation: true, counts, local, measured, first);
            var responses = new LiquidChunk(counts[first..(first + count)], result.Spikes, local.Totals);
            lock (gate)
            {
                results[c] = responses;
                journal?.Keep(c, responses);
                done += count;
                progress?.Report(new ReservoirProgress(phase, done, total));
            }
        });
        double seconds = clock.Elapsed.TotalSeconds;
        var branching = BranchingFactor.Of(_topology, _options.BranchingMarginMs);
        long spikes = 0;
        foreach (var responses in results)
        {
            branching.Merge(responses.Branching);
            spikes += responses.Spikes;
        }
        double rate = total == 0 ? 0 : spikes / (total * (double)_topology.LiquidCount * _options.PresentationMs / 1000.0);
        return new LiquidResponses(counts, branching, rate, seconds);
    }

    private (float[][] Weights, long Spikes) RunChunk(float[][] samples, ulong[] keys, int window, bool presentation, int[][]? counts, BranchingFactor? branching, int measured, int countOffset = 0)
    {
        int inputs = _topology.InputCount;
        int n = _topology.LiquidCount;
        int count = samples.Length;
        var trains = new List<int>[inputs];
        var times = new List<double>[inputs];
        for (int k = 0; k < inputs; k++)
        {
            trains[k] = [];
            times[k] = [];
        }
        var inputPerStep = new int[count * window];
        for (int s = 0; s < count; s++)
        {
            if (samples[s].Length != inputs)
            {
                throw new ArgumentException($"A sample has {samples[s].Length} input probabilities; the liquid has {inputs} input neurons.", "probabilities");
            }
            foreach (var train in trains)
            {
                train.Clear();
            }
            InputEncoding.Simulate(samples[s], window, _options.Neuron, _options.Seed, keys[s], trains, inputPerStep.AsSpan(s * window, window));
            for (int k = 0; k < inputs; k++)
            {
                foreach (int t in trains[k])
                {
                    times[k].Add((double)s * window + t + 1);
                }
            }
        }
        var timesMs = new double[inputs][];
        for (int k = 0; k < inputs; k++)
        {
            timesMs[k] = [.. times[k]];
        }

        bool plastic = _options.Mode != ReservoirMode.Static;
        var network = new Network(_options.Seed, dt: 1);
        var input = network.AddSpikeSource("input", timesMs);
        var liquid = network.AddPopulation("liquid", n, _options.Neuron with { WindowSteps = window });
        var groups = new[] { _topology.Excitatory, _topology.Inhibitory, _topology.Input };
        var projections = new Projection[3];
        Modulator? counter = null;
        Modulator? signal = null;
        if (plastic)
        {
            counter = network.AddModulator("liquid-spikes", NoDecayTauMs, 0, liquid, 1);
            signal = network.AddModulator("astrocyte", NoDecayTauMs, 0);
        }
        for (int g = 0; g < 3; g++)
        {
            var group = groups[g];
            var weights = new double[group.Count];
            for (int s = 0; s < weights.Length; s++)
            {
                weights[s] = _weights[g][s];
            }
            var synapse = group.Presynaptic == PresynapticType.Inhibitory
                ? Synapse.Inhibitory(Dist.Explicit(weights))
                : Synapse.Excitatory(Dist.Explicit(weights));
            projections[g] = network.Connect(g == 2 ? input : liquid, liquid, Connectivity.Pairs(group.Sources, group.Targets), synapse);
            if (_options.Kernel == SynapticKernel.LastSpike)
            {
                projections[g].WithShortTermPlasticity(ShortTermPlasticity.LastSpike(_options.Neuron.TauU) with { ResetIntervalMs = window });
            }
            if (plastic)
            {
                projections[g].WithPlasticity(new AstrocyteStdp
                {
                    Presynaptic = group.Presynaptic,
                    PotentiationRate = _options.PotentiationRate,
                    PotentiationDecayPerMs = presentation ? _options.PresentationDecayPerMs : 1,
                    WMin = group.WMin,
                    WMax = group.WMax,
                    WindowSteps = window,
                }, signal);
            }
        }
        SpikeMonitor? monitor = counts is null ? null : network.RecordSpikes(liquid);
        var astrocyte = new Astrocyte(_options.Mode == ReservoirMode.Astrocyte ? _options.AstrocyteWeight : 0, _options.AstrocyteBias,
            _options.AstrocyteTauMs, presentation ? _options.PresentationDecayPerMs : 1);
        bool stepwise = plastic && (astrocyte.Weight != 0 || astrocyte.DecayPerMs != 1);
        long spikes = 0;
        using var sim = _backend.Compile(network);
        for (int s = 0; s < count; s++)
        {
            if (plastic && presentation && s > 0)
            {
                for (int g = 0; g < 3; g++)
                {
                    sim.SetWeights(projections[g], _weights[g]);
                }
            }
            if (plastic)
            {
                astrocyte.Reset();
                sim.SetModulator(signal!, astrocyte.Value);
            }
            if (stepwise)
            {
                for (int t = 0; t < window; t++)
                {
                    sim.SetModulator(counter!, 0);
                    sim.Run(1);
                    int fired = (int)Math.Round(sim.GetModulator(counter!));
                    sim.SetModulator(signal!, astrocyte.Step(fired, inputPerStep[s * window + t]));
                }
            }
            else
            {
                sim.Run(window);
            }
            if (monitor is not null)
            {
                long start = (long)s * window;
                var record = sim.GetSpikes(monitor, start);
                counts![countOffset + s] = record.CountsPerNeuron();
                spikes += record.Count;
                if (s < measured)
                {
                    var local = new long[record.Count];
                    for (int i = 0; i < local.Length; i++)
                    {
                        local[i] = record.Steps[i] - start - 1;
                    }
                    branching!.Add(local, record.Neurons, window);
                }
            }
        }
        float[][] result = presentation || !plastic
            ? _weights
            : [sim.GetWeights(projections[0]), sim.GetWeights(projections[1]), sim.GetWeights(projections[2])];
        return (result, spikes);
    }
}
