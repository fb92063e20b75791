using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Randomness;

namespace Snn.Backends.Cpu;

/// <summary>A population of <typeparamref name="TModel"/> neurons updated one at a time through the
/// model's <c>Step</c>; the JIT specialises the loop for the struct.</summary>
internal sealed class ModelGroup<TModel> : NeuronGroup where TModel : struct, INeuronModel<TModel>
{
    private readonly TModel[] _models;
    private readonly ulong _seed;
    private readonly uint _stream;

    public ModelGroup(Population<TModel> population)
        : base(population)
    {
        double dt = population.Network.Dt;
        _models = new TModel[population.IsHeterogeneous ? population.Size : 1];
        for (int i = 0; i < _models.Length; i++)
        {
            _models[i] = population.ModelOf(i).Prepare(dt);
        }
        _seed = population.Network.Seed;
        _stream = RngStreams.NeuronNoise(population.Index);
    }

    public override int Update(int start, int end, in StepBuffers buffers, Span<int> spikes)
    {
        var state = buffers.State;
        var excitatory = buffers.Ring.Excitatory(buffers.Slot, 0, buffers.Ring.Neurons);
        var inhibitory = buffers.Ring.Inhibitory(buffers.Slot, 0, buffers.Ring.Neurons);
        bool heterogeneous = _models.Length > 1;
        TModel shared = _models[0];
        int count = 0;
        for (int i = start; i < end; i++)
        {
            var neuron = new NeuronState
            {
                V = state.V[i], U = state.U[i], SynE = state.SynE[i], SynI = state.SynI[i], RefractoryCountdown = state.Refractory[i],
            };
            float inputE = excitatory[i];
            float inputI = inhibitory[i];
            excitatory[i] = 0;
            inhibitory[i] = 0;
            var context = new StepContext(_seed, _stream, buffers.Step, i - Offset);
            bool fired = heterogeneous
                ? _models[i - Offset].Step(ref neuron, inputE, inputI, state.Current[i], context)
                : shared.Step(ref neuron, inputE, inputI, state.Current[i], context);
            state.V[i] = neuron.V;
            state.U[i] = neuron.U;
            state.SynE[i] = neuron.SynE;
            state.SynI[i] = neuron.SynI;
            state.Refractory[i] = neuron.RefractoryCountdown;
            if (fired)
            {
                spikes[count++] = i;
            }
        }
        return count;
    }
}
