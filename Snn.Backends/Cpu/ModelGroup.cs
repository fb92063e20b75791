using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Cpu;

/// <summary>A population of <typeparamref name="TModel"/> neurons updated one at a time through the
/// model's <c>Step</c> (<see cref="BlockUpdate.StepEach{TModel}(in TModel, in NeuronBlock, int, Span{int}, int)"/>);
/// the JIT specialises the loop for the struct.</summary>
internal sealed class ModelGroup<TModel> : NeuronGroup where TModel : struct, INeuronModel<TModel>
{
    private readonly TModel[] _models;

    public ModelGroup(Population<TModel> population)
        : base(population)
    {
        double dt = population.Network.Dt;
        _models = new TModel[population.IsHeterogeneous ? population.Size : 1];
        for (int i = 0; i < _models.Length; i++)
        {
            _models[i] = population.ModelOf(i).Prepare(dt);
        }
    }

    public override int Update(int start, int end, bool hasCurrent, in StepBuffers buffers, Span<int> spikes)
    {
        var block = BlockOf(start, end, hasCurrent, buffers);
        int count = _models.Length > 1
            ? BlockUpdate.StepEach(_models.AsSpan(start - Offset, end - start), block, spikes)
            : BlockUpdate.StepEach(_models[0], block, 0, spikes, 0);
        return Finish(start, end, buffers, spikes, count);
    }
}
