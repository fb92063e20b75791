using Snn.Backends.Cpu;
using Snn.Core.Models;
using Snn.Core.Monitors;

namespace Snn.Backends.Engine;

/// <summary>Samples of one state monitor; rows for a run are allocated before it so that threads
/// fill disjoint cells.</summary>
internal sealed class StateMonitorBuffer : IStateRecorder
{
    private readonly int[] _neurons;
    private readonly int[] _partStart;
    private readonly List<float[]> _rows = [];

    public StateMonitorBuffer(StateMonitor monitor, Partitioning partitioning)
    {
        Monitor = monitor;
        _neurons = monitor.Neurons.Select(n => n + monitor.Population.Offset).ToArray();
        _partStart = new int[partitioning.Count + 1];
        for (int p = 0; p <= partitioning.Count; p++)
        {
            int bound = p == partitioning.Count ? int.MaxValue : partitioning.Start(p);
            int index = Array.BinarySearch(_neurons, bound);
            _partStart[p] = index < 0 ? ~index : index;
        }
    }

    public StateMonitor Monitor { get; }

    public List<float[]> Rows => _rows;

    /// <summary>Allocates the rows of the samples taken up to the end of step <paramref name="lastStep"/>
    /// (sample s is taken after step (s + 1)·interval − 1).</summary>
    public void PrepareUntil(long lastStep)
    {
        long samples = (lastStep + 1) / Monitor.IntervalSteps;
        while (_rows.Count < samples)
        {
            _rows.Add(new float[_neurons.Length]);
        }
    }

    /// <summary>Stores the values of the neurons of <paramref name="part"/> after step <paramref name="step"/> when it is a sampling step.</summary>
    public void Sample(int part, long step, NeuronStateArrays state)
    {
        long time = step + 1;
        if (time % Monitor.IntervalSteps != 0)
        {
            return;
        }
        int sample = (int)(time / Monitor.IntervalSteps - 1);
        var row = _rows[sample];
        var values = Monitor.Variable switch
        {
            StateVariable.V => state.V,
            StateVariable.U => state.U,
            StateVariable.SynE => state.SynE,
            _ => state.SynI,
        };
        for (int k = _partStart[part]; k < _partStart[part + 1]; k++)
        {
            row[k] = values[_neurons[k]];
        }
    }

    public StateRecord ToRecord(double dt) => ToRecord(Monitor, _rows, dt);

    /// <summary>The record of <paramref name="monitor"/> from its samples <paramref name="rows"/> (copied), sample s
    /// taken at (s + 1)·interval·<paramref name="dt"/> ms.</summary>
    public static StateRecord ToRecord(StateMonitor monitor, IReadOnlyList<float[]> rows, double dt)
    {
        var times = new double[rows.Count];
        for (int s = 0; s < times.Length; s++)
        {
            times[s] = (s + 1) * monitor.IntervalSteps * dt;
        }
        return new StateRecord(monitor.Variable, monitor.Neurons.ToArray(), times, [.. rows.Select(r => (float[])r.Clone())]);
    }
}
