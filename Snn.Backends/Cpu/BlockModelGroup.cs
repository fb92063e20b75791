using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Cpu;

/// <summary>A homogeneous population whose model offers a vectorised block update.</summary>
internal sealed class BlockModelGroup<TModel> : NeuronGroup where TModel : struct, IBlockNeuronModel<TModel>
{
    private readonly TModel _model;

    public BlockModelGroup(Population<TModel> population)
        : base(population)
    {
        _model = population.Model.Prepare(population.Network.Dt);
    }

    public override int Update(int start, int end, bool hasCurrent, in StepBuffers buffers, Span<int> spikes)
        => Finish(start, end, buffers, spikes, _model.StepBlock(BlockOf(start, end, hasCurrent, buffers), spikes));
}
