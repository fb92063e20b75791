using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;
using Snn.Core.Models;
using Snn.Core.Validation;

namespace Snn.Experiments.Sfq;

/// <summary>
/// The hidden AND neuron of the XOR network (<see cref="SfqXorDesign"/>) with its leak, run in the
/// circuit solver (with thermal noise) and in the pulse-level model, for the four input patterns.
/// Circuit: an SFQ source and a JTL stage per input, a stochastic gate of weight
/// <see cref="SfqXorDesign.InputToAndWeight"/> (bias from the model's gate map), a JTL line of the
/// input delay, a merger and a leaky loop neuron (<see cref="SfqCellLibrary.LeakyNeuron"/>) with the
/// technology's loop inductance L. Its resistor is R = L_loop / τ (<see cref="SfqCellLibrary.LeakResistanceOhm"/>),
/// τ = <see cref="SfqXorDesign.AndLeakPs"/>, and its output bias sets the threshold
/// (<see cref="LeakyNeuronBiasUa"/>). Model: the same two synapses and
/// an <see cref="SfqNeuron"/> of threshold <see cref="SfqXorDesign.AndThresholdFluxons"/> and leak τ.
/// The XOR's output neuron is not built: its inhibitory synapses would need a cell that takes
/// fluxons out of a loop, which the circuit library does not have.
/// </summary>
public static class SfqAndCircuitComparison
{
    /// <summary>The four patterns (0,0), (0,1), (1,0), (1,1), each in the circuit and in
    /// <paramref name="model"/> (patterns run in parallel).</summary>
    /// <param name="model">The pulse-level technology (the calibrated one); the circuit is sized from it too.</param>
    /// <param name="design">The XOR design whose AND neuron is built; null for <see cref="SfqXorDesign.Default"/>.</param>
    /// <param name="periods">Clock periods per pattern, ≥ 1.</param>
    /// <param name="seed">Seed of the circuit noise and of the model's draws.</param>
    /// <param name="circuitTemperatureK">Temperature of the circuit's noise (K), ≥ 0; null for the model's.</param>
    public static AndCircuitRow[] Compare(SfqTechnology model, SfqXorDesign? design, int periods, ulong seed, double? circuitTemperatureK = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        design ??= SfqXorDesign.Default;
        design.Validate();
        Guard.InRange(periods, 1, 1_000_000, nameof(periods));
        double temperature = Guard.InRange(circuitTemperatureK ?? model.TemperatureK, 0, 1000, nameof(circuitTemperatureK));
        var rows = new AndCircuitRow[4];
        Parallel.For(0, 4, k =>
        {
            bool a = k >= 2, b = k % 2 == 1;
            double[] trainA = Train(a, design.ClockPeriodPs, design.ClockPeriodPs, periods);
            double[] trainB = Train(b, 1.5 * design.ClockPeriodPs, design.ClockPeriodPs, periods);
            double endPs = design.ClockPeriodPs * (periods + 2);
            double[] circuit = CircuitOutputs(model, design, trainA, trainB, endPs, temperature, seed, (uint)k);
            double[] behavioural = ModelOutputs(model, design, trainA, trainB, endPs, seed);
            double window = design.ClockPeriodPs * periods;
            rows[k] = new AndCircuitRow(a, b, circuit.Length / window * 1000, behavioural.Length / window * 1000,
                SfqCircuitComparison.IdenticalShare(circuit, behavioural));
        });
        return rows;
    }

    /// <summary>The output bias (µA) that gives the AND neuron's leaky loop (after a merger, before
    /// a JTL stage, as in the comparison) the threshold <paramref name="thresholdFluxons"/>, found
    /// without noise by bisection: with that bias, two fluxons Δ = −τ ln(n_th − 1) apart (the second
    /// arriving when the stored flux is 1 + e^(−Δ/τ) = n_th) just fire it. The static map
    /// I_c − n_th Φ0 / L_loop would not do: the next stage draws part of the loop current and of the bias.</summary>
    /// <param name="library">The cell library (technology and global bias scale).</param>
    /// <param name="thresholdFluxons">Threshold (Φ0), in (1, 2).</param>
    /// <param name="leakTimeConstantPs">τ (ps), &gt; 0.</param>
    public static double LeakyNeuronBiasUa(SfqCellLibrary library, double thresholdFluxons, double leakTimeConstantPs)
    {
        ArgumentNullException.ThrowIfNull(library);
        Guard.InRange(thresholdFluxons, 1 + 1e-6, 2 - 1e-6, nameof(thresholdFluxons));
        Guard.Positive(leakTimeConstantPs, nameof(leakTimeConstantPs));
        double gap = -leakTimeConstantPs * Math.Log(thresholdFluxons - 1);
        double ic = library.Technology.CriticalCurrentUa, low = 0, high = 0.98 * ic;
        if (!FiresOnSecondFluxon(library, high, leakTimeConstantPs, gap) || FiresOnSecondFluxon(library, low, leakTimeConstantPs, gap))
        {
            throw new ArgumentException($"thresholdFluxons = {thresholdFluxons}: no output bias in [{low}, {high}] uA sets it for this technology.", nameof(thresholdFluxons));
        }
        while (high - low > 0.01)
        {
            double middle = 0.5 * (low + high);
            if (FiresOnSecondFluxon(library, middle, leakTimeConstantPs, gap))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }
        return 0.5 * (low + high);
    }

    private static bool FiresOnSecondFluxon(SfqCellLibrary library, double biasUa, double leakTimeConstantPs, double gapPs)
    {
        var circuit = new JosephsonCircuit();
        int lineA = library.Jtl(circuit, "a", library.Source(circuit, "inA", out int inputA));
        int lineB = library.Jtl(circuit, "b", library.Source(circuit, "inB", out int inputB));
        int merged = library.Merger(circuit, "M", lineA, lineB);
        double loop = library.Technology.LoopInductancePh;
        double resistance = library.LeakResistanceOhm(leakTimeConstantPs, loop, biasUa);
        library.Jtl(circuit, "out", library.LeakyNeuron(circuit, "N", merged, loop, resistance, biasUa));
        var simulator = new CircuitSimulator(circuit, new CircuitOptions { TemperatureK = 0 });
        simulator.Settle();
        simulator.InjectPulse(inputA, 20);
        simulator.InjectPulse(inputB, 20 + gapPs);
        simulator.RunUntil(20 + gapPs + 60);
        int output = circuit.JunctionIndex("N.Out");
        var fires = simulator.Slips.Where(s => s.Junction == output && s.Direction > 0).ToArray();
        return fires.Length > 0;
    }

    private static double[] Train(bool on, double firstPs, double periodPs, int periods)
        => on ? [.. Enumerable.Range(0, periods).Select(k => firstPs + k * periodPs)] : [];

    private static double[] CircuitOutputs(SfqTechnology model, SfqXorDesign design, double[] a, double[] b, double endPs, double temperatureK, ulong seed, uint substream)
    {
        var library = new SfqCellLibrary(model);
        double gateBias = SfqBiasMapping.GateBiasUa(model, design.InputToAndWeight, model.CriticalCurrentUa);
        double loop = model.LoopInductancePh;
        double neuronBias = LeakyNeuronBiasUa(library, design.AndThresholdFluxons, design.AndLeakPs);
        double resistance = library.LeakResistanceOhm(design.AndLeakPs, loop, neuronBias);
        int stages = Math.Max(1, (int)Math.Round(design.InputDelayPs / model.Jtl.DelayPs));
        var circuit = new JosephsonCircuit();
        int merged = library.GatedPair(circuit, gateBias, stages, out int inputA, out int inputB);
        library.Jtl(circuit, "out", library.LeakyNeuron(circuit, "N", merged, loop, resistance, neuronBias));
        return SfqCircuitComparison.RunCircuit(circuit, inputA, inputB, a, b, endPs, "N.Out", new CircuitOptions { TemperatureK = temperatureK, Seed = seed, Substream = substream });
    }

    private static double[] ModelOutputs(SfqTechnology model, SfqXorDesign design, double[] a, double[] b, double endPs, ulong seed)
        => SfqCircuitComparison.RunModel(model, new SfqNeuron
        {
            ThresholdFluxons = design.AndThresholdFluxons,
            LeakTimeConstantPs = design.AndLeakPs,
            RefractoryPs = design.RefractoryPs,
        }, design.InputToAndWeight, design.InputDelayPs, a, b, endPs, seed);
}
