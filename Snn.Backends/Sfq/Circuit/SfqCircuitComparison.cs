using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Validation;

namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// The <c>sfq-vs-circuit</c> comparison: a small network that fits the circuit solver, run both
/// in the solver (with thermal noise) and in <see cref="SfqBackend"/>. Two input trains at the
/// clock rate (B half a period after A) each cross a stochastic gate of weight w and a JTL line
/// of the requested delay, meet in a merger and drive a loop neuron of threshold
/// <see cref="ThresholdFluxons"/> (no leak). For each pulse-level model (the closed form and
/// the calibrated one) the circuit is built as that model's maps say: gate and neuron biases
/// from the weight and threshold, JTL stages from the delay. Circuit times are taken at the last
/// junction before each gate (the model's spike source) and at the neuron's output junction (the
/// model's spike). The XOR's leaky AND neuron is compared the same way in the experiments
/// (<c>SfqAndCircuitComparison</c>).
/// </summary>
public static class SfqCircuitComparison
{
    /// <summary>Clock period of the input trains (ps).</summary>
    public const double ClockPeriodPs = 100;

    /// <summary>Neuron threshold (Φ0): below one, so every fluxon should fire it.</summary>
    public const double ThresholdFluxons = 0.5;

    /// <summary>Requested synapse delay (ps).</summary>
    public const double SynapseDelayPs = 20;

    /// <summary>Largest time difference of two output pulses counted as the same pulse (ps).</summary>
    public const double MatchTolerancePs = 10;

    /// <summary>Runs both models and the circuit for each weight (runs in parallel).</summary>
    /// <param name="technology">The technology the calibration was measured for.</param>
    /// <param name="calibration">The calibration.</param>
    /// <param name="weights">Input synapse weights, each in (0, 1].</param>
    /// <param name="periods">Clock periods per run, ≥ 1.</param>
    /// <param name="seed">Seed of the circuit noise and the model's draws.</param>
    public static CircuitComparisonRow[] Compare(SfqTechnology technology, SfqCalibration calibration, IReadOnlyList<double> weights, int periods, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(technology);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(weights);
        Guard.InRange(periods, 1, 1_000_000, nameof(periods));
        foreach (double w in weights)
        {
            Guard.InRange(w, double.Epsilon, 1, nameof(weights));
        }
        var models = new (string Name, SfqTechnology Technology)[] { ("closed-form", technology), ("calibrated", calibration.Apply(technology)) };
        var rows = new CircuitComparisonRow[models.Length * weights.Count];
        Parallel.For(0, rows.Length, job =>
        {
            var (name, model) = models[job / weights.Count];
            rows[job] = Run(name, model, weights[job % weights.Count], periods, seed, (uint)job);
        });
        return rows;
    }

    private static CircuitComparisonRow Run(string name, SfqTechnology model, double weight, int periods, ulong seed, uint substream)
    {
        double gateBias = SfqBiasMapping.GateBiasUa(model, weight, model.CriticalCurrentUa);
        double neuronBias = SfqBiasMapping.NeuronBiasUa(model, ThresholdFluxons);
        int stages = Math.Max(1, (int)Math.Round(SynapseDelayPs / model.Jtl.DelayPs));
        double[] a = [.. Enumerable.Range(0, periods).Select(k => ClockPeriodPs * (k + 1))];
        double[] b = [.. a.Select(t => t + ClockPeriodPs / 2)];
        double endPs = ClockPeriodPs * (periods + 2);
        double[] circuit = CircuitOutputs(model, gateBias, neuronBias, stages, a, b, endPs, seed, substream);
        double[] behavioural = ModelOutputs(model, weight, a, b, endPs, seed);
        double window = ClockPeriodPs * periods;
        double[] inputs = [.. a.Concat(b).Order()];
        return new CircuitComparisonRow(name, weight, gateBias, neuronBias, stages,
            circuit.Length / window * 1000, behavioural.Length / window * 1000, IdenticalShare(circuit, behavioural),
            MedianLatency(circuit, inputs), MedianLatency(behavioural, inputs));
    }

    private static double[] CircuitOutputs(SfqTechnology model, double gateBias, double neuronBias, int stages, double[] a, double[] b, double endPs, ulong seed, uint substream)
    {
        var library = new SfqCellLibrary(model);
        var circuit = new JosephsonCircuit();
        int merged = library.GatedPair(circuit, gateBias, stages, out int inputA, out int inputB);
        library.Jtl(circuit, "out", library.Neuron(circuit, "N", merged, model.LoopInductancePh, neuronBias));
        return RunCircuit(circuit, inputA, inputB, a, b, endPs, "N.Out", new CircuitOptions { TemperatureK = model.TemperatureK, Seed = seed, Substream = substream });
    }

    private static double[] ModelOutputs(SfqTechnology model, double weight, double[] a, double[] b, double endPs, ulong seed)
        => RunModel(model, new SfqNeuron { ThresholdFluxons = ThresholdFluxons }, weight, SynapseDelayPs, a, b, endPs, seed);

    /// <summary>Runs a circuit built around <see cref="SfqCellLibrary.GatedPair"/> from its DC
    /// operating point with input pulses at <paramref name="a"/> and <paramref name="b"/> (ps) and
    /// returns the fluxons that pass <paramref name="outputJunction"/> (ps). Times are taken from the
    /// junction before each gate (<c>a0.J2</c>, else <c>b0.J2</c>), the pulse-level model's spike source.</summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="inputA">Input A's pulse input.</param>
    /// <param name="inputB">Input B's pulse input.</param>
    /// <param name="a">Pulse times of input A (ps), ascending.</param>
    /// <param name="b">Pulse times of input B (ps), ascending.</param>
    /// <param name="endPs">End of the run (ps).</param>
    /// <param name="outputJunction">The junction whose fluxons are the output.</param>
    /// <param name="options">Solver settings.</param>
    public static double[] RunCircuit(JosephsonCircuit circuit, int inputA, int inputB, IReadOnlyList<double> a, IReadOnlyList<double> b, double endPs, string outputJunction, CircuitOptions options)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var simulator = new CircuitSimulator(circuit, options);
        simulator.Settle();
        foreach (double t in a)
        {
            simulator.InjectPulse(inputA, t);
        }
        foreach (double t in b)
        {
            simulator.InjectPulse(inputB, t);
        }
        simulator.RunUntil(endPs);
        int output = circuit.JunctionIndex(outputJunction);
        double offset = Offset(simulator, circuit.JunctionIndex("a0.J2"), a) ?? Offset(simulator, circuit.JunctionIndex("b0.J2"), b) ?? 0;
        return [.. simulator.Slips.Where(s => s.Junction == output && s.Direction > 0).Select(s => s.TimePs - offset)];
    }

    /// <summary>Runs <paramref name="neuron"/> in the pulse-level model, fed by two input trains at
    /// <paramref name="a"/> and <paramref name="b"/> (ps) through synapses of weight
    /// <paramref name="weight"/> and delay <paramref name="delayPs"/>; returns its spike times (ps).</summary>
    /// <param name="model">The technology.</param>
    /// <param name="neuron">The neuron.</param>
    /// <param name="weight">Synapse weight (pass probability), in (0, 1].</param>
    /// <param name="delayPs">Synapse delay (ps), &gt; 0.</param>
    /// <param name="a">Spike times of input A (ps).</param>
    /// <param name="b">Spike times of input B (ps).</param>
    /// <param name="endPs">End of the run (ps).</param>
    /// <param name="seed">Network seed.</param>
    public static double[] RunModel(SfqTechnology model, SfqNeuron neuron, double weight, double delayPs, IReadOnlyList<double> a, IReadOnlyList<double> b, double endPs, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var network = new Network(seed, dt: SfqConstants.Ps(1));
        var inputs = network.AddSpikeSource("inputs", [[.. a.Select(SfqConstants.Ps)], [.. b.Select(SfqConstants.Ps)]]);
        var population = network.AddPopulation("neuron", 1, neuron);
        var synapse = Synapse.Excitatory(weight, SfqConstants.Ps(delayPs));
        network.Connect(inputs, population, Connectivity.Pairs([0], [0]), synapse);
        network.Connect(inputs, population, Connectivity.Pairs([1], [0]), synapse);
        var spikes = network.RecordSpikes(population);
        using var simulation = new SfqBackend(model).CompileSfq(network);
        simulation.Run(SfqConstants.Ps(endPs));
        return [.. simulation.GetExactSpikes(spikes).TimesMs.Select(t => t * SfqConstants.PsPerMs)];
    }

    private static double? Offset(CircuitSimulator simulator, int junction, IReadOnlyList<double> injected)
    {
        double[] starts = [.. simulator.Slips.Where(s => s.Junction == junction && s.Direction > 0).Select(s => s.TimePs)];
        return injected.Count > 0 && starts.Length == injected.Count ? starts.Zip(injected, (s, t) => s - t).Average() : null;
    }

    /// <summary>2 × (pulses matched one-to-one within <see cref="MatchTolerancePs"/>) / (pulses of both); 1 when both are empty.</summary>
    public static double IdenticalShare(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count + second.Count == 0)
        {
            return 1;
        }
        int i = 0, j = 0, matched = 0;
        while (i < first.Count && j < second.Count)
        {
            double difference = first[i] - second[j];
            if (Math.Abs(difference) <= MatchTolerancePs)
            {
                matched++;
                i++;
                j++;
            }
            else if (difference < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return 2.0 * matched / (first.Count + second.Count);
    }

    private static double MedianLatency(double[] outputs, double[] inputs)
    {
        var latencies = new List<double>();
        foreach (double t in outputs)
        {
            int index = Array.BinarySearch(inputs, t);
            int before = index >= 0 ? index : ~index - 1;
            if (before >= 0)
            {
                latencies.Add(t - inputs[before]);
            }
        }
        latencies.Sort();
        return latencies.Count > 0 ? latencies[latencies.Count / 2] : double.NaN;
    }
}
