using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;
using Snn.Core.Validation;

namespace Snn.Experiments.Sfq;

/// <summary>
/// The whole XOR network run in the circuit solver (<see cref="SfqXorCircuit"/>, with thermal noise)
/// and in the pulse-level model (<see cref="SfqXorNetwork"/> on <see cref="SfqBackend"/>) at the same
/// global bias scales. The circuit is built from the model's own maps (gate biases from its gate
/// curve, JTL stages from its JTL delay), so with the calibrated model both run the same network:
/// <see cref="SfqXorCircuit.DesignFor"/>. Output pulses are compared one to one
/// (<see cref="SfqCircuitComparison.IdenticalShare"/>), rates against the design's decision rate.
/// </summary>
public static class SfqXorCircuitComparison
{
    private static readonly (bool A, bool B)[] Patterns = [(false, false), (false, true), (true, false), (true, true)];

    /// <summary>The four patterns at every scale, in the circuit and in <paramref name="model"/> (runs in parallel).</summary>
    /// <param name="model">The pulse-level technology (the calibrated one); the circuit is sized from it too.</param>
    /// <param name="biasScales">Global bias scales, each &gt; 0.</param>
    /// <param name="periods">Clock periods per pattern, ≥ 1.</param>
    /// <param name="seed">Seed of the circuit noise and of the model's draws.</param>
    /// <param name="circuitTemperatureK">Temperature of the circuit's noise (K), ≥ 0; null for the model's.</param>
    public static XorCircuitRow[] Compare(SfqTechnology model, IReadOnlyList<double> biasScales, int periods, ulong seed, double? circuitTemperatureK = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(biasScales);
        Guard.InRange(periods, 1, 1_000_000, nameof(periods));
        double temperature = Guard.InRange(circuitTemperatureK ?? model.TemperatureK, 0, 1000, nameof(circuitTemperatureK));
        var design = SfqXorCircuit.DesignFor(model) with { WindowPeriods = periods };
        var biases = SfqXorCircuit.NeuronBiasesUa(new SfqCellLibrary(model), design);
        double largest = LargestBiasScale(model, biases);
        foreach (double scale in biasScales)
        {
            if (!(scale > 0 && scale < largest))
            {
                throw new ArgumentOutOfRangeException(nameof(biasScales), scale, $"biasScales holds {scale}; each scale must lie in (0, {largest:F4}), where the larger neuron bias ({Math.Max(biases.AndUa, biases.OutputUa):F2} uA at scale 1) stays below I_c = {model.CriticalCurrentUa} uA.");
            }
        }
        var rows = new XorCircuitRow[biasScales.Count * Patterns.Length];
        Parallel.For(0, rows.Length, k =>
        {
            double scale = biasScales[k / Patterns.Length];
            var (a, b) = Patterns[k % Patterns.Length];
            var options = new CircuitOptions { TemperatureK = temperature, Seed = seed, Substream = (uint)k };
            double[] circuit = SfqXorCircuit.Run(model, design, biases, scale, a, b, periods, options);
            double[] behavioural = ModelOutputs(model, design, scale, a, b, seed);
            double window = design.WindowPs;
            double circuitRate = circuit.Length / window * 1000, modelRate = behavioural.Length / window * 1000;
            rows[k] = new XorCircuitRow(scale, a, b, circuitRate, modelRate, SfqCircuitComparison.IdenticalShare(circuit, behavioural),
                circuitRate > design.DecisionRateGhz == (a ^ b), modelRate > design.DecisionRateGhz == (a ^ b));
        });
        return rows;
    }

    /// <summary>The global bias scale (exclusive) up to which the circuit can be built: its larger
    /// neuron bias reaches the junction's critical current there.</summary>
    /// <param name="model">The technology the circuit is sized from.</param>
    public static double LargestBiasScale(SfqTechnology model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return LargestBiasScale(model, SfqXorCircuit.NeuronBiasesUa(new SfqCellLibrary(model), SfqXorCircuit.DesignFor(model)));
    }

    private static double LargestBiasScale(SfqTechnology model, (double AndUa, double OutputUa) biases)
        => model.CriticalCurrentUa / Math.Max(biases.AndUa, biases.OutputUa);

    /// <summary>The contiguous range of bias scales around the one nearest 1 at which all four patterns
    /// are correct (by <paramref name="correct"/>); NaN bounds when that point fails.</summary>
    /// <param name="rows">Rows of <see cref="Compare"/>.</param>
    /// <param name="correct">Which verdict to read: the circuit's or the model's.</param>
    public static (double Low, double High) Window(IReadOnlyList<XorCircuitRow> rows, Func<XorCircuitRow, bool> correct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(correct);
        var points = rows.GroupBy(r => r.BiasScale).OrderBy(g => g.Key).Select(g => (Scale: g.Key, Passes: g.All(correct))).ToArray();
        Guard.PositiveCount(points.Length, "rows.Count");
        var window = BiasWindow.AroundNominal([.. points.Select(p => p.Scale)], [.. points.Select(p => p.Passes)]);
        return window is (int low, int high) ? (points[low].Scale, points[high].Scale) : (double.NaN, double.NaN);
    }

    /// <summary>The model's output pulse times (ps) for one pattern at one bias scale.</summary>
    private static double[] ModelOutputs(SfqTechnology model, SfqXorDesign design, double scale, bool a, bool b, ulong seed)
    {
        var xor = SfqXorNetwork.Build(design, a, b, seed);
        using var simulation = new SfqBackend(model, new SfqBackendOptions { GlobalBiasScale = scale }).CompileSfq(xor.Network);
        simulation.Run(SfqConstants.Ps(design.WindowPs + 2 * design.ClockPeriodPs));
        return [.. simulation.GetExactSpikes(xor.OutputSpikes).TimesMs.Select(t => t * SfqConstants.PsPerMs)];
    }
}
