using Snn.Core.Models;

namespace Snn.Core;

/// <summary>A population of neurons of model <typeparamref name="TModel"/>, with one parameter set
/// for all neurons or one per neuron.</summary>
/// <typeparam name="TModel">The neuron model struct.</typeparam>
public sealed class Population<TModel> : Population where TModel : struct, INeuronModel<TModel>
{
    private readonly TModel[]? _perNeuron;

    internal Population(Network network, int index, string name, int size, TModel model)
        : base(network, index, name, size)
    {
        Model = model;
    }

    internal Population(Network network, int index, string name, TModel[] perNeuron)
        : base(network, index, name, perNeuron.Length)
    {
        Model = perNeuron[0];
        _perNeuron = (TModel[])perNeuron.Clone();
    }

    /// <summary>The parameters shared by all neurons (the first neuron's when heterogeneous).</summary>
    public TModel Model { get; }

    /// <summary>Whether each neuron has its own parameters.</summary>
    public bool IsHeterogeneous => _perNeuron is not null;

    /// <summary>The parameters of neuron <paramref name="neuron"/>.</summary>
    public TModel ModelOf(int neuron) => _perNeuron is null ? Model : _perNeuron[neuron];

    /// <inheritdoc />
    public override SynapseKind SynapseKind => Model.SynapseKind;

    /// <inheritdoc />
    public override string ModelName => Model.ModelName;

    /// <inheritdoc />
    public override TResult Accept<TResult>(IPopulationVisitor<TResult> visitor) => visitor.Visit(this);

    /// <inheritdoc />
    internal override void Validate()
    {
        int count = _perNeuron?.Length ?? 1;
        for (int i = 0; i < count; i++)
        {
            try
            {
                ModelOf(i).Validate();
            }
            catch (ArgumentException e)
            {
                string which = _perNeuron is null ? "" : $" neuron {i}";
                throw new ArgumentException($"Population '{Name}'{which}: {e.Message}", e.ParamName, e);
            }
        }
    }

    private protected override NeuronState DefaultState(int neuron) => ModelOf(neuron).InitialState();

    /// <inheritdoc />
    internal override void AddParametersTo(ref StableHash hash)
    {
        base.AddParametersTo(ref hash);
        if (_perNeuron is null)
        {
            hash.Add(Model);
        }
        else
        {
            hash.Add<TModel>(_perNeuron);
        }
    }
}
