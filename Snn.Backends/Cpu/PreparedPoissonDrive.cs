using Snn.Core;
using Snn.Core.Inputs;
using Snn.Core.Randomness;

namespace Snn.Backends.Cpu;

/// <summary>A Poisson drive resolved to a ring column range and a per-step mean.</summary>
internal sealed class PreparedPoissonDrive(PoissonDrive drive, Network network)
{
    private readonly int _first = drive.Target.Offset;
    private readonly int _end = drive.Target.Offset + drive.Target.Size;
    private readonly int _receptorOffset = drive.Receptor == Receptor.Inhibitory ? network.NeuronCount : 0;
    private readonly double _lambda = drive.RateHz * network.Dt / 1000.0;
    private readonly double _emptyProbability = Math.Exp(-drive.RateHz * network.Dt / 1000.0);
    private readonly float _weight = (float)drive.Weight;
    private readonly ulong _seed = network.Seed;
    private readonly uint _stream = RngStreams.PoissonDrive(drive.Index);

    /// <summary>Adds this step's Poisson input to the ring slot for the neurons in [start, end).</summary>
    public void AddTo(DelayRing ring, int slot, long step, int start, int end)
    {
        int from = Math.Max(start, _first);
        int to = Math.Min(end, _end);
        if (from >= to || _lambda == 0)
        {
            return;
        }
        var data = ring.Data;
        int slotBase = slot * ring.Stride + _receptorOffset;
        for (int neuron = from; neuron < to; neuron++)
        {
            var block = Philox.Block(_seed, (uint)step, (uint)((ulong)step >> 32), _stream, (uint)(neuron - _first));
            double u = Philox.ToUnitDouble(block.X0, block.X1);
            if (u < _emptyProbability)
            {
                continue;
            }
            data[slotBase + neuron] += _weight * PoissonDrive.Sample(_lambda, _emptyProbability, u);
        }
    }
}
