using ILGPU;
using ILGPU.Runtime;
using Snn.Backends.Engine;
using Snn.Core.Models;
using Snn.Core.Monitors;

namespace Snn.Backends.Gpu;

/// <summary>A state monitor whose samples collect in a device buffer of whole rows and are copied
/// to the host when it is full or a run ends.</summary>
internal sealed class DeviceStateMonitor : IDisposable
{
    private readonly int[] _neurons;
    private MemoryBuffer1D<int, Stride1D.Dense>? _neuronBuffer;
    private MemoryBuffer1D<float, Stride1D.Dense>? _rowBuffer;
    private int _pending;

    public DeviceStateMonitor(StateMonitor monitor, int batchSteps)
    {
        Monitor = monitor;
        _neurons = monitor.Neurons.Select(n => n + monitor.Population.Offset).ToArray();
        RowsPerBatch = Math.Max(1, batchSteps / monitor.IntervalSteps);
    }

    public StateMonitor Monitor { get; }

    public int RowsPerBatch { get; }

    public List<float[]> Rows { get; } = [];

    public long DeviceBytes => _neurons.LongLength * sizeof(int) + (long)RowsPerBatch * _neurons.Length * sizeof(float);

    public void Allocate(Accelerator accelerator)
    {
        _neuronBuffer = accelerator.Allocate1D(_neurons);
        _rowBuffer = accelerator.Allocate1D<float>(Math.Max(1, (long)RowsPerBatch * _neurons.Length));
    }

    /// <summary>Samples after <paramref name="step"/> when it ends an interval.</summary>
    public void Sample(DeviceContext context, Action<AcceleratorStream, Index1D, ArrayView<int>, ArrayView<float>, ArrayView<float>, long> kernel, long step)
    {
        if ((step + 1) % Monitor.IntervalSteps != 0)
        {
            return;
        }
        var state = context.State;
        var variable = Monitor.Variable switch
        {
            StateVariable.V => state.V,
            StateVariable.U => state.U,
            StateVariable.SynE => state.SynE,
            _ => state.SynI,
        };
        kernel(context.Stream, _neurons.Length, _neuronBuffer!.View, variable, _rowBuffer!.View, (long)_pending * _neurons.Length);
        if (++_pending == RowsPerBatch)
        {
            Flush();
        }
    }

    /// <summary>Copies the pending rows to the host.</summary>
    public void Flush()
    {
        if (_pending == 0)
        {
            return;
        }
        int width = _neurons.Length;
        var data = new float[(long)_pending * width];
        _rowBuffer!.View.SubView(0, data.LongLength).CopyToCPU(data);
        for (int r = 0; r < _pending; r++)
        {
            Rows.Add(data.AsSpan(r * width, width).ToArray());
        }
        _pending = 0;
    }

    public StateRecord ToRecord(double dt) => StateMonitorBuffer.ToRecord(Monitor, Rows, dt);

    public void Dispose()
    {
        _neuronBuffer?.Dispose();
        _rowBuffer?.Dispose();
    }
}
