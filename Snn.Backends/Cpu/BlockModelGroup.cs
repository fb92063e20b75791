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

    public override int Update(int start, int end, in StepBuffers buffers, Span<int> spikes)
    {
        int length = end - start;
        var state = buffers.State;
        var excitatory = buffers.Ring.Excitatory(buffers.Slot, start, length);
        var inhibitory = buffers.Ring.Inhibitory(buffers.Slot, start, length);
        var block = new NeuronBlock(state.V.AsSpan(start, length), state.U.AsSpan(start, length), state.SynE.AsSpan(start, length),
            state.SynI.AsSpan(start, length), state.Refractory.AsSpan(start, length), excitatory, inhibitory, state.Current.AsSpan(start, length));
        int count = _model.StepBlock(block, spikes);
        excitatory.Clear();
        inhibitory.Clear();
        for (int k = 0; k < count; k++)
        {
            spikes[k] += start;
        }
        return count;
    }
}
