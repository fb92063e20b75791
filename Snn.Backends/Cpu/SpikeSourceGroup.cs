using Snn.Core;

namespace Snn.Backends.Cpu;

/// <summary>Replays given spike times: neuron i fires in step n − 1 for each time n·dt.</summary>
internal sealed class SpikeSourceGroup : NeuronGroup
{
    private readonly long[][] _times;
    private readonly int[] _next;

    public SpikeSourceGroup(SpikeSourcePopulation population)
        : base(population)
    {
        _times = population.SpikeTimesInSteps();
        _next = new int[population.Size];
    }

    public override int Update(int start, int end, bool hasCurrent, in StepBuffers buffers, Span<int> spikes)
    {
        long emitted = buffers.Step + 1;
        int count = 0;
        for (int i = start; i < end; i++)
        {
            int local = i - Offset;
            var times = _times[local];
            int next = _next[local];
            while (next < times.Length && times[next] < emitted)
            {
                next++;
            }
            if (next < times.Length && times[next] == emitted)
            {
                spikes[count++] = i;
                next++;
            }
            _next[local] = next;
        }
        return count;
    }

    public override void MoveTo(long step)
    {
        for (int i = 0; i < _times.Length; i++)
        {
            int index = Array.BinarySearch(_times[i], step + 1);
            _next[i] = index < 0 ? ~index : index;
        }
    }
}
