using System.Diagnostics;
using Snn.Bench.Cli;
using Snn.Bench.Running;
using Snn.Core.Interop.Nir;
using Snn.Core.Simulation;
using Snn.Datasets;
using Snn.Datasets.Encoders;

namespace Snn.Bench.Nir;

/// <summary>
/// Runs a NIR graph (<c>snn-bench nir import</c>): <see cref="NirFile.Read"/>, then
/// <see cref="NirGraph.ToNetwork"/> at the chosen dt, every channel of every <c>Input</c> node
/// driven by a Poisson train drawn on the dt grid (<see cref="BernoulliEncoder"/>: one draw per
/// channel per step with probability p = rate · dt, so at most one event per channel per step, which
/// is what NIR import requires; Input node k, in name order, draws from stream k of the seed, so a
/// run is reproducible), compiled on the chosen engine
/// and run; each <c>Output</c> node's spike counts (or, for a non-spiking one, its final membrane
/// potentials) are returned. NIR times are read in seconds (<see cref="NirImportOptions.TimeUnitMs"/>).
/// </summary>
public static class NirRunner
{
    /// <summary>Imports and runs the graph of <paramref name="settings"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid NIR graph.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The input rate times dt exceeds one spike per step.</exception>
    /// <exception cref="NotSupportedException">The graph needs what Snn or the engine cannot run.</exception>
    public static NirRunResult Run(NirImportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        double probability = SpikeProbabilityPerStep(settings);
        int steps = (int)SimulationLimits.StepsOf(settings.DurationMs, settings.DtMs);
        var graph = NirFile.Read(settings.Path);
        var options = new NirImportOptions { Dt = settings.DtMs, Seed = settings.Seed };
        var inputs = graph.ToNetwork(options).Inputs.OrderBy(i => i.Key, StringComparer.Ordinal).ToArray();
        var trains = new Dictionary<string, double[][]>();
        var drives = new List<NirInputDrive>();
        for (int k = 0; k < inputs.Length; k++)
        {
            var (name, source) = (inputs[k].Key, inputs[k].Value);
            var full = new float[source.Size];
            Array.Fill(full, 1f);
            var encoded = steps == 0
                ? new SpikeTrains(Enumerable.Range(0, source.Size).Select(_ => Array.Empty<double>()).ToArray(), settings.DurationMs)
                : new BernoulliEncoder(settings.DtMs, steps, new RandomSource(settings.Seed, k), probability).Encode(full);
            trains[name] = encoded.ToSourceTimes(settings.DtMs);
            drives.Add(new NirInputDrive(name, source.Size, encoded.Count));
        }
        var imported = graph.ToNetwork(options with { InputSpikes = trains });
        var backend = BackendFactory.Create(settings.Backend, settings.Threads);
        var watch = Stopwatch.StartNew();
        using var simulation = backend.Compile(imported.Network);
        double compile = watch.Elapsed.TotalSeconds;
        watch.Restart();
        simulation.Run(settings.DurationMs);
        double run = watch.Elapsed.TotalSeconds;
        var outputs = new List<NirOutputCounts>();
        foreach (var (name, output) in imported.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            int size = output.Population.Size;
            if (output.Spikes is { } spikes)
            {
                var record = simulation.GetSpikes(spikes);
                outputs.Add(new NirOutputCounts(name, output.Population.Name, size, record.Count, record.CountsPerNeuron(), null));
            }
            else if (output.Membrane is { } membrane)
            {
                var values = simulation.GetState(membrane).Values;
                outputs.Add(new NirOutputCounts(name, output.Population.Name, size, 0, null, values.Length == 0 ? [] : values[^1]));
            }
        }
        long synapses = SuiteRunner.CountSynapses(imported.Network).Synapses;
        return new NirRunResult(imported.Network.NeuronCount, synapses, graph.Version, compile, run, drives, outputs);
    }

    /// <summary>The spike probability per channel and step, rate · dt, which must be at most 1.</summary>
    private static double SpikeProbabilityPerStep(NirImportSettings settings)
    {
        double probability = settings.InputRateHz * settings.DtMs / 1000.0;
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.InputRateHz,
                $"settings.InputRateHz = {settings.InputRateHz} Hz at dt = {settings.DtMs} ms is p = {probability:G4} spikes per step; "
                + $"an input channel emits at most one spike per step, so the rate must be in [0, {1000.0 / settings.DtMs:G6}] Hz (1000 / dt). "
                + "Lower the rate or the time step.");
        }
        return probability;
    }
}
