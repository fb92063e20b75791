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
/// model's spike). The XOR network itself needs leaky
/// loops (resistors), which the circuit library does not have.
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
        int lineA = library.Source(circuit, "inA", out int inputA);
        int lineB = library.Source(circuit, "inB", out int inputB);
        lineA = library.Jtl(circuit, "a0", lineA);
        lineB = library.Jtl(circuit, "b0", lineB);
        lineA = library.Gate(circuit, "gA", lineA, gateBias);
        lineB = library.Gate(circuit, "gB", lineB, gateBias);
        for (int k = 1; k <= stages; k++)
        {
            lineA = library.Jtl(circuit, $"a{k}", lineA);
            lineB = library.Jtl(circuit, $"b{k}", lineB);
        }
        int merged = library.Merger(circuit, "M", lineA, lineB);
        library.Jtl(circuit, "out", library.Neuron(circuit, "N", merged, model.LoopInductancePh, neuronBias));
        var simulator = new CircuitSimulator(circuit, new CircuitOptions { TemperatureK = model.TemperatureK, Seed = seed, Substream = substream });
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
        int output = circuit.JunctionIndex("N.Out"), first = circuit.JunctionIndex("a0.J2");
        double[] starts = [.. simulator.Slips.Where(s => s.Junction == first && s.Direction > 0).Select(s => s.TimePs)];
        double offset = starts.Length == a.Length ? starts.Zip(a, (s, t) => s - t).Average() : 0;
        return [.. simulator.Slips.Where(s => s.Junction == output && s.Direction > 0).Select(s => s.TimePs - offset)];
    }

    private static double[] ModelOutputs(SfqTechnology model, double weight, double[] a, double[] b, double endPs, ulong seed)
    {
        var network = new Network(seed, dt: SfqConstants.Ps(1));
        var inputs = network.AddSpikeSource("inputs", [[.. a.Select(SfqConstants.Ps)], [.. b.Select(SfqConstants.Ps)]]);
        var neuron = network.AddPopulation("neuron", 1, new SfqNeuron { ThresholdFluxons = ThresholdFluxons });
        var synapse = Synapse.Excitatory(weight, SfqConstants.Ps(SynapseDelayPs));
        network.Connect(inputs, neuron, Connectivity.Pairs([0], [0]), synapse);
        network.Connect(inputs, neuron, Connectivity.Pairs([1], [0]), synapse);
        var spikes = network.RecordSpikes(neuron);
        using var simulation = new SfqBackend(model).CompileSfq(network);
        simulation.Run(SfqConstants.Ps(endPs));
        return [.. simulation.GetExactSpikes(spikes).TimesMs.Select(t => t * SfqConstants.PsPerMs)];
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
