using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;
using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Randomness;

namespace Snn.Backends.Gpu;

/// <summary>A population of <typeparamref name="TModel"/> neurons: its prepared model (one, or one
/// per neuron) on the device and <see cref="NeuronKernels.UpdateNeurons{TModel}"/> specialised for it.</summary>
internal sealed class DeviceModelGroup<TModel> : DeviceGroup where TModel : unmanaged, INeuronModel<TModel>
{
    private readonly TModel[] _models;
    private readonly uint _stream;
    private MemoryBuffer1D<TModel, Stride1D.Dense>? _buffer;
    private Action<AcceleratorStream, Index1D, ArrayView<TModel>, NeuronArrays, DeviceRing, SpikeSink, PopulationStep>? _kernel;

    public DeviceModelGroup(Population<TModel> population)
        : base(population)
    {
        double dt = population.Network.Dt;
        _models = new TModel[population.IsHeterogeneous ? population.Size : 1];
        for (int i = 0; i < _models.Length; i++)
        {
            _models[i] = population.ModelOf(i).Prepare(dt);
        }
        _stream = RngStreams.NeuronNoise(population.Index);
    }

    public override long DeviceBytes => (long)_models.Length * Unsafe.SizeOf<TModel>();

    public override void Allocate(DeviceContext context)
    {
        _buffer = context.Accelerator.Allocate1D(_models);
        _kernel = context.Load($"Population '{Population.Name}' ({Population.ModelName})", $"{typeof(TModel).Name}.Step",
            () => context.Accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<TModel>, NeuronArrays, DeviceRing, SpikeSink, PopulationStep>(
                NeuronKernels.UpdateNeurons));
    }

    public override void Launch(DeviceContext context, long step, int slot)
        => _kernel!(context.Stream, Population.Size, _buffer!.View, context.State, context.Ring, context.Sink, StepOf(step, slot, _stream));

    public override void Dispose() => _buffer?.Dispose();
}
