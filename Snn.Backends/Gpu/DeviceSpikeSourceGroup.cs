using ILGPU;
using ILGPU.Runtime;
using Snn.Core;

namespace Snn.Backends.Gpu;

/// <summary>A population that replays given spike times, all of them held on the device with a cursor per neuron.</summary>
internal sealed class DeviceSpikeSourceGroup : DeviceGroup
{
    private readonly long[][] _perNeuron;
    private readonly long[] _times;
    private readonly int[] _timeStart;
    private MemoryBuffer1D<long, Stride1D.Dense>? _timesBuffer;
    private MemoryBuffer1D<int, Stride1D.Dense>? _startBuffer;
    private MemoryBuffer1D<int, Stride1D.Dense>? _nextBuffer;
    private Action<AcceleratorStream, Index1D, ArrayView<long>, ArrayView<int>, ArrayView<int>, SpikeSink, PopulationStep>? _kernel;

    public DeviceSpikeSourceGroup(SpikeSourcePopulation population)
        : base(population)
    {
        _perNeuron = population.SpikeTimesInSteps();
        _timeStart = new int[_perNeuron.Length + 1];
        for (int i = 0; i < _perNeuron.Length; i++)
        {
            _timeStart[i + 1] = checked(_timeStart[i] + _perNeuron[i].Length);
        }
        _times = new long[Math.Max(1, _timeStart[^1])];
        for (int i = 0; i < _perNeuron.Length; i++)
        {
            _perNeuron[i].CopyTo(_times, _timeStart[i]);
        }
    }

    public override long DeviceBytes => _times.LongLength * sizeof(long) + (_timeStart.LongLength + _perNeuron.Length) * sizeof(int);

    public override void Allocate(DeviceContext context)
    {
        _timesBuffer = context.Accelerator.Allocate1D(_times);
        _startBuffer = context.Accelerator.Allocate1D(_timeStart);
        _nextBuffer = context.Accelerator.Allocate1D(_timeStart[..^1]);
        _kernel = context.Load($"Population '{Population.Name}' ({Population.ModelName})", "the spike replay",
            () => context.Accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<long>, ArrayView<int>, ArrayView<int>, SpikeSink, PopulationStep>(
                NeuronKernels.ReplaySpikeTimes));
    }

    public override void Launch(DeviceContext context, long step, int slot)
        => _kernel!(context.Stream, Population.Size, _timesBuffer!.View, _startBuffer!.View, _nextBuffer!.View, context.Sink, StepOf(step, slot, 0));

    public override void MoveTo(long step)
    {
        var next = new int[_perNeuron.Length];
        for (int i = 0; i < next.Length; i++)
        {
            int index = Array.BinarySearch(_perNeuron[i], step + 1);
            next[i] = _timeStart[i] + (index < 0 ? ~index : index);
        }
        _nextBuffer!.CopyFromCPU(next);
    }

    public override void Dispose()
    {
        _timesBuffer?.Dispose();
        _startBuffer?.Dispose();
        _nextBuffer?.Dispose();
    }
}
