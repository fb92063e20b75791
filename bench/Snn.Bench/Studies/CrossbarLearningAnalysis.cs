using System.Globalization;
using Snn.Backends.Cpu;
using Snn.Backends.Crossbar;
using Snn.Bench.Suites;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Randomness;
using Snn.Core.Simulation;
using Snn.Learning.Plasticity;

namespace Snn.Bench.Studies;

/// <summary>
/// On-chip learning in the <c>crossbar-sweep</c> study: pair STDP finding the correlated half of its
/// inputs (Song, Miller &amp; Abbott, Nat. Neurosci. 2000; Gütig et al., J. Neurosci. 2003), in software
/// and with the plastic weights held by each learning preset's cells
/// (<see cref="ResistiveDevice.LearningPresets"/>), plus each non-ideal preset without its
/// cycle-to-cycle noise to separate the nonlinearity from the noise. 100 inputs fire at 10 Hz for
/// 300 s: the first 50 copy spikes of one shared Poisson process (pairwise correlation 0.2), the other
/// 50 are independent; they drive 10 LIF neurons (NEST <c>iaf_psc_exp</c> defaults) through synapses
/// that start uniform in [0.3, 0.7]·w_max (w_max = 200 pA, the chip's weight range) under additive
/// STDP (A₊ = 0.005·w_max, A₋ = 1.1·A₊, τ 20 ms). The number per arm is the selectivity: the fraction
/// of each neuron's 50 strongest synapses that come from the correlated group (chance 50 %). Quick
/// and full runs are the same (seconds).
/// </summary>
public static class CrossbarLearningAnalysis
{
    private const int Inputs = 100;
    private const int Outputs = 10;
    private const double RateHz = 10;
    private const double Correlation = 0.2;
    private const double DurationMs = 300_000;

    /// <summary>The largest weight (pA): the rule's bound and the weight that maps to GMax − GMin.</summary>
    public const double WMax = 200;

    /// <summary>The rule: additive pair STDP with a 10 % depression bias.</summary>
    public static PairStdp Rule => new() { APlus = 0.005 * WMax, AMinus = 0.0055 * WMax, WMax = WMax };

    /// <summary>Runs every arm and summarises them.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arms = new List<(string Label, ResistiveDevice? Device)> { ("software (CPU engine)", null) };
        foreach (var preset in ResistiveDevice.LearningPresets)
        {
            arms.Add(($"{preset.Name} chip", preset));
            if (preset.Update.CycleToCycleNoise > 0)
            {
                arms.Add(($"{preset.Name}, no update noise", preset with { Update = preset.Update with { CycleToCycleNoise = 0 } }));
            }
        }
        var metrics = new Dictionary<string, double>();
        var findings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"On-chip STDP: {Inputs} inputs at {RateHz} Hz (half correlated, c = {Correlation}) onto {Outputs} LIF neurons for {DurationMs / 1000} s, weights in [0, {WMax}] pA on the cells; selectivity = share of each neuron's 50 strongest synapses from the correlated half (chance 50 %), separation = mean weight correlated - uncorrelated (of w_max)"),
        };
        foreach (var (label, device) in arms)
        {
            context.Report($"on-chip STDP: {label}");
            var (network, plastic) = Build(context.Seed);
            using ISimulation simulation = device is null
                ? new CpuBackend(new CpuBackendOptions { Threads = 1 }).Compile(network)
                : new CrossbarBackend(new CrossbarOptions { Device = device, WeightRanges = new Dictionary<string, double> { [plastic.Name] = WMax } }).Compile(network);
            simulation.Run(DurationMs);
            var (selectivity, separation) = Score(plastic, simulation.GetWeights(plastic));
            string key = "on_chip_stdp_" + CrossbarLsmAnalysis.Key(label);
            metrics[key + "_selectivity_percent"] = 100 * selectivity;
            metrics[key + "_separation"] = separation;
            string cost = "";
            if (simulation is CrossbarSimulation chip)
            {
                var report = chip.Cost();
                double energy = report.Energy("programming energy");
                metrics[key + "_programming_pulses"] = report.ProgrammingPulses;
                metrics[key + "_programming_energy_uj"] = energy * 1e6;
                cost = string.Create(CultureInfo.InvariantCulture, $", {report.ProgrammingPulses:N0} programming pulses, {energy * 1e6:F2} uJ");
            }
            findings.Add(string.Create(CultureInfo.InvariantCulture, $"  {label}: selectivity {100 * selectivity:F1} %, separation {separation:F3}{cost}"));
        }

        return new SuiteAnalysis(metrics, findings);
    }

    /// <summary>The network (its seed and input spike trains from <paramref name="seed"/>) and its plastic projection.</summary>
    private static (Network Network, Projection Plastic) Build(ulong seed)
    {
        var network = new Network(seed, dt: 1);
        var shared = Poisson(new CounterRng(seed, RngStreams.User(0x0C50_0000), 0), RateHz / Correlation);
        var times = new double[Inputs][];
        for (int i = 0; i < Inputs; i++)
        {
            var rng = new CounterRng(seed, RngStreams.User(0x0C50_0001), (uint)i);
            times[i] = i < Inputs / 2 ? shared.Where(_ => rng.NextDouble() < Correlation).ToArray() : Poisson(rng, RateHz);
        }
        var input = network.AddSpikeSource("inputs", times);
        var output = network.AddPopulation("neurons", Outputs, new LifCurrent());
        var plastic = network.Connect(input, output, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Uniform(0.3 * WMax, 0.7 * WMax), 1))
            .WithPlasticity(Rule);
        return (network, plastic);
    }

    /// <summary>Poisson spike times (ms) at <paramref name="rateHz"/> over the run, on whole milliseconds (the step).</summary>
    private static double[] Poisson(CounterRng rng, double rateHz)
    {
        var times = new List<double>();
        double t = -Math.Log(rng.NextDoubleNonZero()) * 1000 / rateHz;
        while (t < DurationMs)
        {
            times.Add(Math.Ceiling(t));
            t += -Math.Log(rng.NextDoubleNonZero()) * 1000 / rateHz;
        }
        return times.Distinct().ToArray();
    }

    /// <summary>Selectivity (share of each neuron's 50 strongest synapses from the correlated half) and
    /// separation (mean correlated minus mean uncorrelated weight, in units of w_max).</summary>
    private static (double Selectivity, double Separation) Score(Projection plastic, float[] weights)
    {
        var table = plastic.Instantiate();
        int chosen = 0;
        for (int neuron = 0; neuron < Outputs; neuron++)
        {
            chosen += Enumerable.Range(0, weights.Length).Where(s => table.Targets[s] == neuron)
                .OrderByDescending(s => weights[s]).Take(Inputs / 2).Count(s => table.Sources[s] < Inputs / 2);
        }
        double correlated = Enumerable.Range(0, weights.Length).Where(s => table.Sources[s] < Inputs / 2).Average(s => (double)weights[s]);
        double independent = Enumerable.Range(0, weights.Length).Where(s => table.Sources[s] >= Inputs / 2).Average(s => (double)weights[s]);
        return (chosen / (double)(Outputs * Inputs / 2), (correlated - independent) / WMax);
    }
}
