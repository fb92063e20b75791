using Snn.Backends.Cpu;
using Snn.Backends.Crossbar;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Simulation;
using Snn.Core.Validation;
using Snn.Learning.Readout;

namespace Snn.Experiments.Crossbar;

/// <summary>
/// The <c>crossbar-lsm</c> study: a fixed random LSM (<see cref="LsmRecipe"/>) realised in software
/// or on a chip, its reservoir spike counts as features, a readout trained per arm (the readout
/// lives in digital logic, so it is retrained on each chip's features, as in the paper) and the test
/// accuracy and energy per inference. The readout is Snn.Learning's <see cref="RidgeReadout"/>
/// (λ = <see cref="RidgePenalty"/>) on features standardised over the training samples
/// (<see cref="FeatureScaling.Standardize"/>). Samples are presented back to back in one
/// simulation, each in a window of 1 reset step + WindowSteps bins (dt = 1 ms per bin).
/// </summary>
public sealed class CrossbarLsmExperiment
{
    /// <summary>The ridge penalty λ of the readout, on standardised features.</summary>
    public const double RidgePenalty = 1.0;

    /// <summary>Creates the experiment.</summary>
    /// <param name="recipe">The liquid (validated).</param>
    public CrossbarLsmExperiment(LsmRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        recipe.Validate();
        Recipe = recipe;
    }

    /// <summary>The liquid.</summary>
    public LsmRecipe Recipe { get; }

    /// <summary>The standard arms: software with Gaussian and with stochastic-switching weights, an ideal
    /// chip, each preset chip programmed with the Gaussian weights (8-bit ADC, 0.35 Ω wire, 1 h after
    /// programming with global drift compensation) and the as-grown stochastic-switching chip.</summary>
    /// <param name="switchingDevice">The device whose switching distribution gives the zero-shot weights.</param>
    public static IReadOnlyList<LsmConfiguration> StandardConfigurations(ResistiveDevice switchingDevice)
    {
        ArgumentNullException.ThrowIfNull(switchingDevice);
        var arms = new List<LsmConfiguration>
        {
            new("software, Gaussian weights", null),
            new($"software, switching weights ({switchingDevice.Name})", null, switchingDevice),
            new("crossbar ideal, Gaussian weights", new CrossbarOptions()),
        };
        foreach (var device in ResistiveDevice.Presets.Skip(1))
        {
            arms.Add(new($"crossbar {device.Name}, Gaussian weights programmed", Realistic(device)));
        }
        arms.Add(new($"crossbar {switchingDevice.Name}, as-grown switching weights", Realistic(switchingDevice), switchingDevice));
        return arms;
    }

    /// <summary>A chip of <paramref name="device"/> with realistic periphery: 8-bit ADC, 0.35 Ω wire per
    /// cell, read 1 h after programming with global drift compensation.</summary>
    public static CrossbarOptions Realistic(ResistiveDevice device)
        => new() { Device = device, AdcBits = 8, WireResistance = 0.35, TimeSinceProgramming = 3600, DriftCompensation = true };

    /// <summary>Runs every arm on the same samples.</summary>
    public IReadOnlyList<LsmOutcome> Compare(IReadOnlyList<LsmSample> train, IReadOnlyList<LsmSample> test, IEnumerable<LsmConfiguration> arms,
        Action<LsmOutcome>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var outcomes = new List<LsmOutcome>();
        foreach (var arm in arms)
        {
            var outcome = Evaluate(train, test, arm);
            progress?.Invoke(outcome);
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    /// <summary>Computes features of train and test samples for one arm, trains the readout and scores it.</summary>
    public LsmOutcome Evaluate(IReadOnlyList<LsmSample> train, IReadOnlyList<LsmSample> test, LsmConfiguration arm)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(arm);
        if (train.Count == 0 || test.Count == 0)
        {
            throw new ArgumentException($"train ({train.Count}) and test ({test.Count}) must both hold samples.", nameof(train));
        }
        var all = train.Concat(test).ToArray();
        var (features, cost) = Features(all, arm);
        double rate = features.Average(f => f.Average());
        var trainFeatures = features[..train.Count];
        var testFeatures = features[train.Count..];
        FeatureScaling.Standardize(trainFeatures, trainFeatures, testFeatures);
        var readout = RidgeReadout.Fit(trainFeatures, train.Select(s => s.Label).ToArray(), Recipe.Classes, RidgePenalty);
        var correct = new bool[test.Count];
        for (int i = 0; i < test.Count; i++)
        {
            correct[i] = readout.Predict(testFeatures[i]) == test[i].Label;
        }
        double energy = cost is null ? double.NaN : cost.TotalEnergy / all.Length;
        double latency = cost is null ? double.NaN : cost.Latency / all.Length;
        return new LsmOutcome(arm.Name, correct.Count(c => c) / (double)test.Count, energy, latency, rate, cost, correct);
    }

    /// <summary>The reservoir spike counts of every sample (one row of Reservoir counts per sample) and,
    /// on a chip, the run's cost report.</summary>
    public (float[][] Features, CostReport? Cost) Features(IReadOnlyList<LsmSample> samples, LsmConfiguration arm)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(arm);
        int window = Recipe.WindowSteps + 1;
        var times = new List<double>[Recipe.Inputs];
        for (int i = 0; i < times.Length; i++)
        {
            times[i] = [];
        }
        for (int n = 0; n < samples.Count; n++)
        {
            var sample = samples[n];
            if (sample.Steps.Length != sample.Inputs.Length)
            {
                throw new ArgumentException($"samples[{n}] has {sample.Steps.Length} steps and {sample.Inputs.Length} inputs.", nameof(samples));
            }
            Guard.InRange(sample.Label, 0, Recipe.Classes - 1, $"samples[{n}].Label");
            for (int e = 0; e < sample.Steps.Length; e++)
            {
                Guard.InRange(sample.Steps[e], 0, Recipe.WindowSteps - 1, $"samples[{n}].Steps[{e}]");
                Guard.InRange(sample.Inputs[e], 0, Recipe.Inputs - 1, $"samples[{n}].Inputs[{e}]");
                times[sample.Inputs[e]].Add((long)n * window + sample.Steps[e] + 1);
            }
        }
        var network = new Network(Recipe.Seed, dt: 1);
        var input = network.AddSpikeSource("input", times.Select(t => t.ToArray()).ToArray());
        var model = new WindowedLif { Decay = (float)Recipe.Decay, VThreshold = (float)Recipe.Threshold, WindowSteps = window };
        var reservoir = network.AddPopulation("reservoir", Recipe.Reservoir, model);
        var inputWeights = Weights(arm.SwitchingDevice, Recipe.Inputs * Recipe.Reservoir, Recipe.InputWeightStd, 0);
        var recurrentWeights = Weights(arm.SwitchingDevice, Recipe.Reservoir * Recipe.Reservoir, Recipe.RecurrentWeightStd, 1);
        var inputProjection = network.Connect(input, reservoir, Connectivity.AllToAll(), Synapse.Excitatory(inputWeights.Weights, 1));
        var recurrent = network.Connect(reservoir, reservoir, Connectivity.AllToAll(allowAutapses: true), Synapse.Excitatory(recurrentWeights.Weights, 1));
        var monitor = network.RecordSpikes(reservoir);
        ISimulation simulation;
        CrossbarSimulation? chip = null;
        if (arm.Crossbar is null)
        {
            simulation = new CpuBackend(new CpuBackendOptions { Threads = 1 }).Compile(network);
        }
        else
        {
            var options = arm.Crossbar;
            if (inputWeights.Switched is not null && recurrentWeights.Switched is not null)
            {
                options = options with
                {
                    AsGrown = new Dictionary<string, SwitchedConductances>
                    {
                        [inputProjection.Name] = inputWeights.Switched,
                        [recurrent.Name] = recurrentWeights.Switched,
                    },
                };
            }
            chip = new CrossbarBackend(options).CompileCrossbar(network);
            simulation = chip;
        }
        using (simulation)
        {
            simulation.Run((double)samples.Count * window);
            var spikes = simulation.GetSpikes(monitor);
            var features = new float[samples.Count][];
            for (int n = 0; n < features.Length; n++)
            {
                features[n] = new float[Recipe.Reservoir];
            }
            for (int k = 0; k < spikes.Steps.Length; k++)
            {
                long step = spikes.Steps[k] - 1;
                features[step / window][spikes.Neurons[k]]++;
            }
            return (features, chip?.Cost());
        }
    }

    private (Dist Weights, SwitchedConductances? Switched) Weights(ResistiveDevice? device, int count, double std, int index)
    {
        if (device is null)
        {
            return (Dist.Normal(0, std), null);
        }
        var switched = StochasticSwitching.Draw(device, count, std, Recipe.Seed, index);
        return (Dist.Explicit(switched.Weights.Select(w => (double)w).ToArray()), switched);
    }
}
