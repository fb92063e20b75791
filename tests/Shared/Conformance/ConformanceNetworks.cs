using System.Runtime.CompilerServices;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Plasticity;
using Snn.Learning.Plasticity;

namespace Snn.Tests.Shared.Conformance;

/// <summary>
/// The scenario networks: a CUBA-like recurrent network (Brette et al. 2007: 80 % excitatory LIF
/// neurons, El above threshold (−45 mV) so that it fires on its own) with heterogeneous delays and every input
/// the engine takes, and the same network with a learning (pair STDP) or modulated (reward-modulated
/// STDP, modulator driven by the inhibitory spikes) excitatory recurrence. Connectivity is fixed
/// in-degree, so the synapse count is known and the weights can be given explicitly: drawn from
/// N(w, (w/10)²), so that summing a target's inputs in another order would change the spikes, or,
/// for an engine that sums in no fixed order, rounded to whole pA, whose sums are exact in any order.
/// The tests and the MPI driver compile this same source, so a recipe (<see cref="ScenarioRecipe"/>)
/// builds the same network in the test process and on every rank.
/// </summary>
public static class ConformanceNetworks
{
    /// <summary>Upper weight bound of the plastic rules (pA).</summary>
    public const double WMax = 60;

    private const double Dt = 0.1;

    private static readonly ConditionalWeakTable<Network, ScenarioRecipe> Recipes = new();

    private static LifCurrent Model => new()
    {
        CM = 250, TauM = 20, TauSynE = 5, TauSynI = 10, EL = -45, VThreshold = -50, VReset = -60, RefractoryPeriod = 5,
    };

    /// <summary>Builds the scenario <paramref name="recipe"/> names ("static", "plastic" or "modulated").</summary>
    public static ScenarioNetwork Build(ScenarioRecipe recipe) => recipe.Scenario switch
    {
        "static" => Static(recipe.Settings, recipe.Seed),
        "plastic" => Plastic(recipe.Settings, recipe.Seed),
        "modulated" => Modulated(recipe.Settings, recipe.Seed),
        _ => throw new ArgumentException($"Unknown scenario '{recipe.Scenario}'; expected static, plastic or modulated.", nameof(recipe)),
    };

    /// <summary>The recipe that built <paramref name="network"/>, or null when this class did not build it.</summary>
    public static ScenarioRecipe? RecipeOf(Network network) => Recipes.TryGetValue(network, out var recipe) ? recipe : null;

    /// <summary>The static scenario with the inputs <paramref name="settings"/> allows.</summary>
    public static ScenarioNetwork Static(ScenarioSettings settings, ulong seed)
    {
        var (network, excitatory, inhibitory, random) = Recurrent(settings, seed, null, null);
        var inputs = settings.Inputs;
        int trains = 20;
        var replay = network.AddSpikeSource("replay", Trains(random, trains, 40, settings.DurationMs));
        network.Connect(replay, inhibitory, Connectivity.AllToAll(),
            Synapse.Excitatory(Weights(random, trains * inhibitory.Size, 40, settings.ExactSums), Dist.Uniform(Dt, 2)));
        if (inputs.HasFlag(EngineInputs.PoissonSources))
        {
            var noise = network.AddPoissonInput("noise", 50, 20);
            network.Connect(noise, excitatory, Connectivity.FixedInDegree(3),
                Synapse.Excitatory(Weights(random, 3 * excitatory.Size, 30, settings.ExactSums), Dist.Uniform(1.0, 3.0)));
        }
        if (inputs.HasFlag(EngineInputs.Drives))
        {
            network.AddPoissonDrive(inhibitory, 500, 10);
        }
        if (inputs.HasFlag(EngineInputs.DcCurrents))
        {
            network.Inject(inhibitory, new DcCurrent(15, startMs: 2));
        }
        if (inputs.HasFlag(EngineInputs.TimeVaryingCurrents))
        {
            network.Inject(excitatory, new NoiseCurrent(meanPa: 5, sdPa: 20), [.. Enumerable.Range(0, excitatory.Size).Where(i => i % 3 == 0)]);
            network.Inject(excitatory, new StepCurrent([0, 4, 8], [40, -20, 10]), [.. Enumerable.Range(0, 10)]);
        }
        return Monitored(new ScenarioRecipe("static", settings, seed), network, excitatory, inhibitory, null, null);
    }

    /// <summary>The scenario whose excitatory recurrence learns with pair STDP (all-to-all pairs, additive).</summary>
    public static ScenarioNetwork Plastic(ScenarioSettings settings, ulong seed)
    {
        var rule = new PairStdp { APlus = 0.8, AMinus = 0.84, WMin = 0, WMax = WMax, AccumulateIntervalMs = 2 };
        var (network, excitatory, inhibitory, _) = Recurrent(settings, seed, p => p.WithPlasticity(rule), null);
        return Monitored(new ScenarioRecipe("plastic", settings, seed), network, excitatory, inhibitory, network.Projections[0], null);
    }

    /// <summary>The scenario whose excitatory recurrence learns with reward-modulated STDP under a modulator
    /// driven by the inhibitory population's spikes (so it also sets the modulator from outside).</summary>
    public static ScenarioNetwork Modulated(ScenarioSettings settings, ulong seed)
    {
        Modulator? dopamine = null;
        var rule = new RewardModulatedStdp { APlus = 0.8, AMinus = 1.2, WMax = WMax, UpdateIntervalMs = 1 };
        var (network, excitatory, inhibitory, _) = Recurrent(settings, seed, p => p.WithPlasticity(rule, dopamine),
            net => dopamine = net.AddModulator("dopamine", tauMs: 50, baseline: 0.5, source: net.Populations[1], gainPerSpike: 0.01));
        return Monitored(new ScenarioRecipe("modulated", settings, seed), network, excitatory, inhibitory, network.Projections[0], dopamine);
    }

    private static ScenarioNetwork Monitored(ScenarioRecipe recipe, Network network, Population excitatory, Population inhibitory, Projection? plastic, Modulator? modulator)
    {
        var spikes = new[] { network.RecordSpikes(excitatory), network.RecordSpikes(inhibitory) };
        var states = new[]
        {
            network.RecordState(excitatory, StateVariable.V, [0, 1, 2, excitatory.Size - 1], intervalMs: 0.5),
            network.RecordState(inhibitory, StateVariable.SynE, intervalMs: 2),
        };
        var weights = plastic is null || !recipe.Settings.WeightMonitors ? null : network.RecordWeights(plastic, intervalMs: 5);
        Recipes.AddOrUpdate(network, recipe);
        return new ScenarioNetwork(network, spikes, states, plastic, weights, modulator);
    }

    /// <summary>Excitatory and inhibitory LIF populations (the inhibitory ones heterogeneous) connected with
    /// fixed in-degrees and delays of 0.1 to 3 ms; the excitatory recurrence comes first and gets
    /// <paramref name="learn"/>; <paramref name="addModulator"/> runs after the populations exist.</summary>
    private static (Network Network, Population Excitatory, Population Inhibitory, Random Random) Recurrent(ScenarioSettings settings, ulong seed,
        Func<Projection, Projection>? learn, Action<Network>? addModulator)
    {
        var network = new Network(seed, Dt);
        var random = new Random((int)seed);
        var model = Model;
        int size = settings.Size;
        int excitatoryCount = (int)(0.8 * size);
        var excitatory = network.AddPopulation("exc", excitatoryCount, model);
        var inhibitory = network.AddPopulation("inh", Enumerable.Range(0, size - excitatoryCount).Select(i => model with { TauM = 15 + i % 10 }).ToArray());
        excitatory.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        inhibitory.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        addModulator?.Invoke(network);
        int fromExcitatory = Math.Max(4, size / 12);
        int fromInhibitory = Math.Max(2, size / 40);
        bool exact = settings.ExactSums;
        var recurrence = network.Connect(excitatory, excitatory, Connectivity.FixedInDegree(fromExcitatory),
            Synapse.Excitatory(Weights(random, fromExcitatory * excitatory.Size, 20, exact), Dist.Uniform(Dt, 3)));
        learn?.Invoke(recurrence);
        network.Connect(excitatory, inhibitory, Connectivity.FixedInDegree(fromExcitatory),
            Synapse.Excitatory(Weights(random, fromExcitatory * inhibitory.Size, 20, exact), Dist.Uniform(Dt, 3)));
        network.Connect(inhibitory, excitatory, Connectivity.FixedInDegree(fromInhibitory),
            Synapse.Inhibitory(Weights(random, fromInhibitory * excitatory.Size, -20, exact), Dist.Uniform(Dt, 2)));
        network.Connect(inhibitory, inhibitory, Connectivity.FixedInDegree(fromInhibitory),
            Synapse.Inhibitory(Weights(random, fromInhibitory * inhibitory.Size, -20, exact), 0.8));
        return (network, excitatory, inhibitory, random);
    }

    /// <summary><paramref name="count"/> weights from N(<paramref name="mean"/>, (mean/10)²), rounded to whole pA when
    /// <paramref name="exact"/>.</summary>
    private static Dist Weights(Random random, int count, double mean, bool exact)
    {
        var weights = new double[count];
        for (int s = 0; s < count; s++)
        {
            double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            double w = mean * (1 + 0.1 * gaussian);
            weights[s] = exact ? Math.Round(w) : w;
        }
        return Dist.Explicit(weights);
    }

    /// <summary>Bernoulli spike trains at <paramref name="rateHz"/> on the time grid, as spike times (ms).</summary>
    private static double[][] Trains(Random random, int count, double rateHz, double durationMs)
    {
        long steps = (long)Math.Round(durationMs / Dt);
        var trains = new double[count][];
        for (int i = 0; i < count; i++)
        {
            var times = new List<double>();
            for (long k = 1; k < steps; k++)
            {
                if (random.NextDouble() < rateHz * Dt / 1000)
                {
                    times.Add(k * Dt);
                }
            }
            trains[i] = [.. times];
        }
        return trains;
    }
}
