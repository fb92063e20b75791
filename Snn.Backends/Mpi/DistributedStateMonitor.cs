using Snn.Backends.Cpu;
using Snn.Backends.Engine;
using Snn.Core.Models;
using Snn.Core.Monitors;

namespace Snn.Backends.Mpi;

/// <summary>The samples of one state monitor taken on one rank (its owned recorded neurons only);
/// <see cref="ToRecord"/> gathers every rank's columns into the full record.</summary>
internal sealed class DistributedStateMonitor : IStateRecorder
{
    private readonly int[] _globals;
    private readonly int[][] _columnsByRank;
    private readonly int[] _own;
    private readonly List<float[]> _rows = [];

    public DistributedStateMonitor(StateMonitor monitor, RankLayout layout, int rank)
    {
        Monitor = monitor;
        var neurons = monitor.Neurons;
        var columns = new List<int>[layout.Ranks];
        for (int r = 0; r < columns.Length; r++)
        {
            columns[r] = [];
        }
        for (int k = 0; k < neurons.Count; k++)
        {
            columns[layout.OwnerOf(monitor.Population.Offset + neurons[k])].Add(k);
        }
        _columnsByRank = columns.Select(c => c.ToArray()).ToArray();
        _own = _columnsByRank[rank];
        _globals = _own.Select(k => monitor.Population.Offset + neurons[k]).ToArray();
    }

    public StateMonitor Monitor { get; }

    /// <summary>This rank's samples, one row per sample time, its own columns only.</summary>
    public List<float[]> Rows => _rows;

    /// <summary>Nothing to allocate: rows are added as samples are taken.</summary>
    public void PrepareUntil(long lastStep)
    {
    }

    /// <summary>Stores the owned values after step <paramref name="step"/> when it is a sampling step.</summary>
    public void Sample(int part, long step, NeuronStateArrays state)
    {
        if ((step + 1) % Monitor.IntervalSteps != 0)
        {
            return;
        }
        var values = Monitor.Variable switch
        {
            StateVariable.V => state.V,
            StateVariable.U => state.U,
            StateVariable.SynE => state.SynE,
            _ => state.SynI,
        };
        var row = new float[_globals.Length];
        for (int k = 0; k < row.Length; k++)
        {
            row[k] = values[_globals[k]];
        }
        _rows.Add(row);
    }

    /// <summary>Keeps only this rank's columns of rows that hold every recorded neuron (as a checkpoint does).</summary>
    public void KeepOwnColumns()
    {
        for (int s = 0; s < _rows.Count; s++)
        {
            var whole = _rows[s];
            _rows[s] = _own.Select(k => whole[k]).ToArray();
        }
    }

    /// <summary>Collective: the full record, identical on every rank.</summary>
    public StateRecord ToRecord(MpiSession session, double dt)
    {
        int samples = _rows.Count;
        var send = new float[samples * _globals.Length];
        for (int s = 0; s < samples; s++)
        {
            _rows[s].CopyTo(send, s * _globals.Length);
        }
        var counts = _columnsByRank.Select(c => checked(c.Length * samples)).ToArray();
        var displacements = new int[counts.Length];
        for (int r = 1; r < counts.Length; r++)
        {
            displacements[r] = checked(displacements[r - 1] + counts[r - 1]);
        }
        var all = new float[displacements[^1] + counts[^1]];
        session.Allgatherv<float>(send, all, counts, displacements);
        int width = Monitor.Neurons.Count;
        var values = new float[samples][];
        for (int s = 0; s < samples; s++)
        {
            values[s] = new float[width];
        }
        for (int r = 0; r < _columnsByRank.Length; r++)
        {
            var columns = _columnsByRank[r];
            for (int s = 0; s < samples; s++)
            {
                for (int k = 0; k < columns.Length; k++)
                {
                    values[s][columns[k]] = all[displacements[r] + s * columns.Length + k];
                }
            }
        }
        var times = new double[samples];
        for (int s = 0; s < samples; s++)
        {
            times[s] = (s + 1) * Monitor.IntervalSteps * dt;
        }
        return new StateRecord(Monitor.Variable, [.. Monitor.Neurons], times, values);
    }
}
