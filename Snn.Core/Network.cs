using Snn.Core.Connections;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;
using Snn.Core.Validation;

namespace Snn.Core;

/// <summary>
/// The description of a spiking network: populations, projections, current injections and
/// monitors, a seed and a time step. A backend compiles it into a simulation; once compiled it can
/// no longer change (<see cref="IsSealed"/>), so every simulation of it sees the same network.
/// </summary>
public sealed class Network
{
    private readonly List<Population> _populations = [];
    private readonly List<Projection> _projections = [];
    private readonly List<CurrentInjection> _injections = [];
    private readonly List<NeuronMonitor> _monitors = [];
    private readonly List<WeightMonitor> _weightMonitors = [];
    private readonly List<Modulator> _modulators = [];
    private readonly List<PoissonDrive> _poissonDrives = [];

    /// <summary>Creates an empty network.</summary>
    /// <param name="seed">Seed of every random draw (connectivity, weights, initial state, noise).</param>
    /// <param name="dt">Time step (ms), in [<see cref="SimulationLimits.MinDt"/>, <see cref="SimulationLimits.MaxDt"/>] = [1e-12, 1000].</param>
    public Network(ulong seed = 0, double dt = 0.1)
    {
        Seed = seed;
        Dt = Guard.InRange(dt, SimulationLimits.MinDt, SimulationLimits.MaxDt, nameof(dt));
    }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>Time step (ms).</summary>
    public double Dt { get; }

    /// <summary>Whether a backend has compiled this network (no more changes allowed).</summary>
    public bool IsSealed { get; private set; }

    /// <summary>The populations in order of creation.</summary>
    public IReadOnlyList<Population> Populations => _populations;

    /// <summary>The projections in order of creation.</summary>
    public IReadOnlyList<Projection> Projections => _projections;

    /// <summary>The current injections in order of creation.</summary>
    public IReadOnlyList<CurrentInjection> Injections => _injections;

    /// <summary>The monitors in order of creation.</summary>
    public IReadOnlyList<NeuronMonitor> Monitors => _monitors;

    /// <summary>The weight monitors in order of creation.</summary>
    public IReadOnlyList<WeightMonitor> WeightMonitors => _weightMonitors;

    /// <summary>The Poisson drives in order of creation.</summary>
    public IReadOnlyList<PoissonDrive> PoissonDrives => _poissonDrives;

    /// <summary>The neuromodulators in order of creation.</summary>
    public IReadOnlyList<Modulator> Modulators => _modulators;

    /// <summary>Total number of neurons.</summary>
    public int NeuronCount { get; private set; }

    /// <summary>Adds a population of <paramref name="size"/> identical neurons.</summary>
    public Population<TModel> AddPopulation<TModel>(string name, int size, TModel model) where TModel : struct, INeuronModel<TModel>
    {
        ThrowIfSealed();
        var population = new Population<TModel>(this, _populations.Count, name, size, model);
        return Register(population);
    }

    /// <summary>Adds a population with one parameter set per neuron.</summary>
    public Population<TModel> AddPopulation<TModel>(string name, TModel[] models) where TModel : struct, INeuronModel<TModel>
    {
        ThrowIfSealed();
        ArgumentNullException.ThrowIfNull(models);
        Guard.PositiveCount(models.Length, "models.Length");
        var population = new Population<TModel>(this, _populations.Count, name, models);
        return Register(population);
    }

    /// <summary>Adds <paramref name="size"/> independent Poisson sources at <paramref name="rateHz"/>.</summary>
    public Population<PoissonSource> AddPoissonInput(string name, int size, double rateHz)
        => AddPopulation(name, size, new PoissonSource(rateHz));

    /// <summary>Adds Poisson sources with one rate (Hz) each.</summary>
    public Population<PoissonSource> AddPoissonInput(string name, double[] ratesHz)
    {
        ArgumentNullException.ThrowIfNull(ratesHz);
        var models = new PoissonSource[ratesHz.Length];
        for (int i = 0; i < models.Length; i++)
        {
            models[i] = new PoissonSource(ratesHz[i]);
        }
        return AddPopulation(name, models);
    }

    /// <summary>Adds sources that fire at the given times (ms), one array per neuron.</summary>
    public SpikeSourcePopulation AddSpikeSource(string name, double[][] timesMs)
    {
        ThrowIfSealed();
        ArgumentNullException.ThrowIfNull(timesMs);
        return Register(new SpikeSourcePopulation(this, _populations.Count, name, timesMs));
    }

    /// <summary>Connects two populations of this network.</summary>
    public Projection Connect(Population source, Population target, Connectivity connectivity, SynapseSpec synapse)
    {
        ThrowIfSealed();
        CheckOwned(source, nameof(source));
        CheckOwned(target, nameof(target));
        ArgumentNullException.ThrowIfNull(connectivity);
        ArgumentNullException.ThrowIfNull(synapse);
        if (target.SynapseKind == SynapseKind.None)
        {
            throw new ArgumentException($"Population '{target.Name}' ({target.ModelName}) is an input source and cannot receive synapses.", nameof(target));
        }
        var projection = new Projection(_projections.Count, source, target, connectivity, synapse);
        _projections.Add(projection);
        return projection;
    }

    /// <summary>Injects a current into some (default all) neurons of a population.</summary>
    public CurrentInjection Inject(Population target, CurrentSource source, int[]? neurons = null)
    {
        ThrowIfSealed();
        CheckOwned(target, nameof(target));
        ArgumentNullException.ThrowIfNull(source);
        var injection = new CurrentInjection(_injections.Count, target, source, Select(target, neurons, nameof(neurons)));
        _injections.Add(injection);
        return injection;
    }

    /// <summary>Drives every neuron of <paramref name="target"/> with independent Poisson input of
    /// <paramref name="rateHz"/> (total per neuron) through synapses of <paramref name="weight"/>.</summary>
    public PoissonDrive AddPoissonDrive(Population target, double rateHz, double weight, Receptor receptor = Receptor.Excitatory)
    {
        ThrowIfSealed();
        CheckOwned(target, nameof(target));
        if (target.SynapseKind == SynapseKind.None)
        {
            throw new ArgumentException($"Population '{target.Name}' ({target.ModelName}) is an input source and cannot receive synapses.", nameof(target));
        }
        if (rateHz * Dt / 1000.0 > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(rateHz), rateHz, $"rateHz = {rateHz} must be at most {1e6 / Dt} Hz (1000 inputs per step).");
        }
        var drive = new PoissonDrive(_poissonDrives.Count, target, rateHz, weight, receptor);
        if (target.SynapseKind == SynapseKind.Conductance && weight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"weight = {weight} must be >= 0 nS for the conductance-based population '{target.Name}'.");
        }
        _poissonDrives.Add(drive);
        return drive;
    }

    /// <summary>Records the spikes of some (default all) neurons.</summary>
    public SpikeMonitor RecordSpikes(Population population, int[]? neurons = null)
    {
        ThrowIfSealed();
        CheckOwned(population, nameof(population));
        var monitor = new SpikeMonitor(_monitors.Count, population, Select(population, neurons, nameof(neurons)));
        _monitors.Add(monitor);
        return monitor;
    }

    /// <summary>Samples a state variable of some (default all) neurons every <paramref name="intervalMs"/>
    /// (a whole number of steps; default every step).</summary>
    public StateMonitor RecordState(Population population, StateVariable variable, int[]? neurons = null, double? intervalMs = null)
    {
        ThrowIfSealed();
        CheckOwned(population, nameof(population));
        int steps = IntervalSteps(intervalMs ?? Dt, nameof(intervalMs));
        var monitor = new StateMonitor(_monitors.Count, population, Select(population, neurons, nameof(neurons)), variable, steps);
        _monitors.Add(monitor);
        return monitor;
    }

    /// <summary>Counts the population's spikes in every step.</summary>
    public RateMonitor RecordRate(Population population)
    {
        ThrowIfSealed();
        CheckOwned(population, nameof(population));
        var monitor = new RateMonitor(_monitors.Count, population, Select(population, null, "neurons"));
        _monitors.Add(monitor);
        return monitor;
    }

    /// <summary>Snapshots every weight of <paramref name="projection"/> every <paramref name="intervalMs"/>
    /// (a whole number of steps).</summary>
    public WeightMonitor RecordWeights(Projection projection, double intervalMs)
    {
        ThrowIfSealed();
        ArgumentNullException.ThrowIfNull(projection);
        if (!_projections.Contains(projection))
        {
            throw new ArgumentException($"Projection {projection.Name} belongs to another network.", nameof(projection));
        }
        var monitor = new WeightMonitor(_weightMonitors.Count, projection, IntervalSteps(intervalMs, nameof(intervalMs)));
        _weightMonitors.Add(monitor);
        return monitor;
    }

    /// <summary>Adds a global neuromodulatory signal (see <see cref="Modulator"/>).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="tauMs">Relaxation time constant (ms), &gt; 0.</param>
    /// <param name="baseline">Resting value.</param>
    /// <param name="source">A population whose spikes raise the signal, or null.</param>
    /// <param name="gainPerSpike">Increase per spike of <paramref name="source"/>.</param>
    public Modulator AddModulator(string name, double tauMs, double baseline = 0, Population? source = null, double gainPerSpike = 0)
    {
        ThrowIfSealed();
        if (source is not null)
        {
            CheckOwned(source, nameof(source));
        }
        var modulator = new Modulator(_modulators.Count, name, tauMs, baseline, source, gainPerSpike);
        _modulators.Add(modulator);
        return modulator;
    }

    /// <summary>Validates the whole description and forbids further changes. Backends call this
    /// when they compile; it throws an <see cref="ArgumentException"/> naming what is invalid (synapse weights and
    /// delays are checked when an engine instantiates the projections).</summary>
    public void Seal()
    {
        if (_populations.Count == 0)
        {
            throw new ArgumentException("The network has no populations; add at least one before compiling.", "network");
        }
        foreach (var population in _populations)
        {
            population.Validate();
        }
        foreach (var projection in _projections)
        {
            projection.ValidatePlasticity();
        }
        IsSealed = true;
    }

    private int IntervalSteps(double interval, string name)
    {
        Guard.Positive(interval, name);
        double steps = Math.Round(interval / Dt);
        if (steps < 1 || steps > int.MaxValue || Math.Abs(steps * Dt - interval) > 1e-9 * interval)
        {
            throw new ArgumentOutOfRangeException(name, interval, $"{name} = {interval} must be a whole multiple (>= 1) of dt = {Dt} ms.");
        }
        return (int)steps;
    }

    internal void ThrowIfSealed()
    {
        if (IsSealed)
        {
            throw new InvalidOperationException("The network has been compiled and can no longer change; build a new Network.");
        }
    }

    private TPopulation Register<TPopulation>(TPopulation population) where TPopulation : Population
    {
        if (_populations.Any(p => p.Name == population.Name))
        {
            throw new ArgumentException($"A population named '{population.Name}' already exists.", "name");
        }
        population.Offset = NeuronCount;
        NeuronCount = checked(NeuronCount + population.Size);
        _populations.Add(population);
        return population;
    }

    private void CheckOwned(Population population, string name)
    {
        ArgumentNullException.ThrowIfNull(population, name);
        if (!ReferenceEquals(population.Network, this))
        {
            throw new ArgumentException($"Population '{population.Name}' belongs to another network.", name);
        }
    }

    private static int[] Select(Population population, int[]? neurons, string name)
    {
        if (neurons is null)
        {
            return Enumerable.Range(0, population.Size).ToArray();
        }
        Guard.Indices(neurons, population.Size, name);
        var sorted = neurons.Distinct().Order().ToArray();
        if (sorted.Length != neurons.Length)
        {
            throw new ArgumentException($"{name} lists a neuron more than once.", name);
        }
        return sorted;
    }
}
