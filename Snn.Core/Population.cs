using System.Runtime.CompilerServices;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Core;

/// <summary>
/// A named group of neurons of one model, with optional 3D positions and initial-state
/// distributions. Neurons are indexed 0..Size-1 within the population.
/// </summary>
public abstract class Population
{
    private readonly Dictionary<StateVariable, Dist> _initial = [];
    private float[]? _positions;

    private protected Population(Network network, int index, string name, int size)
    {
        Network = network;
        Index = index;
        Name = Guard.Name(name, nameof(name));
        Size = Guard.PositiveCount(size, nameof(size));
    }

    /// <summary>The network this population belongs to.</summary>
    public Network Network { get; }

    /// <summary>Position of this population in <see cref="Network.Populations"/>.</summary>
    public int Index { get; }

    /// <summary>The population's name.</summary>
    public string Name { get; }

    /// <summary>Number of neurons.</summary>
    public int Size { get; }

    /// <summary>The first neuron's index in the network-wide numbering (populations in order).</summary>
    public int Offset { get; internal set; }

    /// <summary>How this population receives synaptic input.</summary>
    public abstract SynapseKind SynapseKind { get; }

    /// <summary>The model's name.</summary>
    public abstract string ModelName { get; }

    /// <summary>Neuron positions as x, y, z triples (arbitrary length unit), or null.</summary>
    public ReadOnlySpan<float> Positions => _positions;

    /// <summary>Whether positions were set.</summary>
    public bool HasPositions => _positions is not null;

    /// <summary>Places the neurons on a regular nx × ny × nz grid with the given spacing, x fastest.</summary>
    public Population OnGrid(int nx, int ny, int nz, double spacing = 1)
    {
        Network.ThrowIfSealed();
        Guard.PositiveCount(nx, nameof(nx));
        Guard.PositiveCount(ny, nameof(ny));
        Guard.PositiveCount(nz, nameof(nz));
        Guard.Positive(spacing, nameof(spacing));
        if ((long)nx * ny * nz != Size)
        {
            throw new ArgumentException($"Grid {nx}×{ny}×{nz} = {(long)nx * ny * nz} sites must equal the population size {Size} of '{Name}'.", nameof(nx));
        }
        var positions = new float[3 * Size];
        for (int i = 0; i < Size; i++)
        {
            positions[3 * i] = (float)(i % nx * spacing);
            positions[3 * i + 1] = (float)(i / nx % ny * spacing);
            positions[3 * i + 2] = (float)(i / (nx * ny) * spacing);
        }
        _positions = positions;
        return this;
    }

    /// <summary>Sets explicit positions, x, y, z per neuron (length 3 × Size).</summary>
    public Population WithPositions(ReadOnlySpan<float> xyz)
    {
        Network.ThrowIfSealed();
        if (xyz.Length != 3 * Size)
        {
            throw new ArgumentException($"positions has length {xyz.Length}; '{Name}' needs 3 × {Size} = {3 * Size}.", nameof(xyz));
        }
        for (int i = 0; i < xyz.Length; i++)
        {
            if (!float.IsFinite(xyz[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(xyz), xyz[i], $"positions[{i}] = {xyz[i]} must be finite.");
            }
        }
        _positions = xyz.ToArray();
        return this;
    }

    /// <summary>Draws the initial value of <paramref name="variable"/> from <paramref name="distribution"/>
    /// (an <see cref="ExplicitValues"/> gives one value per neuron).</summary>
    public Population WithInitial(StateVariable variable, Dist distribution)
    {
        Network.ThrowIfSealed();
        ArgumentNullException.ThrowIfNull(distribution);
        if (distribution is ExplicitValues values && values.Count != Size)
        {
            throw new ArgumentException($"Explicit initial {variable} has {values.Count} values; '{Name}' has {Size} neurons.", nameof(distribution));
        }
        _initial[variable] = distribution;
        return this;
    }

    /// <summary>The initial state of every neuron, from the model's defaults and the given distributions.</summary>
    /// <remarks>Compiled optimised at once: it runs per neuron while an engine is built, often once
    /// per process, before tiered compilation would have optimised it.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public NeuronState[] InitialStates()
    {
        var states = new NeuronState[Size];
        var v = InitialOf(StateVariable.V);
        var u = InitialOf(StateVariable.U);
        var synE = InitialOf(StateVariable.SynE);
        var synI = InitialOf(StateVariable.SynI);
        for (int i = 0; i < Size; i++)
        {
            var state = DefaultState(i);
            var rng = new CounterRng(Network.Seed, RngStreams.InitialState(Index), (uint)i);
            state.V = Draw(v, i, ref rng, state.V);
            state.U = Draw(u, i, ref rng, state.U);
            state.SynE = Draw(synE, i, ref rng, state.SynE);
            state.SynI = Draw(synI, i, ref rng, state.SynI);
            states[i] = state;
        }
        return states;
    }

    /// <summary>Calls the visitor's method for this population's concrete type.</summary>
    public abstract TResult Accept<TResult>(IPopulationVisitor<TResult> visitor);

    /// <summary>Adds the model parameters (and initial-state distributions) to a fingerprint.</summary>
    internal virtual void AddParametersTo(ref StableHash hash)
    {
        foreach (var (variable, distribution) in _initial.OrderBy(p => p.Key))
        {
            hash.Add($"{variable}={distribution}");
            if (distribution is ExplicitValues values)
            {
                hash.Add(values.Values);
            }
        }
    }

    /// <summary>Checks the model parameters; throws naming the population and parameter.</summary>
    internal abstract void Validate();

    /// <summary>The state of neuron <paramref name="neuron"/> before initial distributions apply.</summary>
    private protected abstract NeuronState DefaultState(int neuron);

    /// <summary>The initial distribution of <paramref name="variable"/>, or null for the model's default.</summary>
    private Dist? InitialOf(StateVariable variable) => _initial.GetValueOrDefault(variable);

    private static float Draw(Dist? distribution, int neuron, ref CounterRng rng, float fallback)
    {
        if (distribution is null)
        {
            return fallback;
        }
        return distribution is ExplicitValues values ? (float)values[neuron] : (float)distribution.Sample(ref rng);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Size} × {ModelName})";
}
