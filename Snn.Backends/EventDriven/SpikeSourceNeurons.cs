using Snn.Core;

namespace Snn.Backends.EventDriven;

/// <summary>Replays a <see cref="SpikeSourcePopulation"/> at its exact times (no grid rounding);
/// equal times of one neuron fire once. Only the next spike of each neuron is queued.</summary>
internal sealed class SpikeSourceNeurons(SpikeSourcePopulation population) : EventPopulation(population)
{
    private readonly int[] _next = new int[population.Size];

    public override void Start(EventSimulation simulation)
    {
        for (int i = 0; i < Size; i++)
        {
            ScheduleNext(simulation, i, double.NegativeInfinity);
        }
    }

    public override void Handle(EventSimulation simulation, in ScheduledEvent e, double time)
    {
        if (e.Kind != EventKind.SourceSpike)
        {
            return;
        }
        int local = e.Neuron - Offset;
        simulation.Emit(e.Neuron, time);
        ScheduleNext(simulation, local, time);
    }

    private void ScheduleNext(EventSimulation simulation, int local, double after)
    {
        var times = population.TimesOf(local);
        int next = _next[local];
        while (next < times.Length && times[next] <= after)
        {
            next++;
        }
        _next[local] = next;
        if (next < times.Length)
        {
            simulation.Schedule(times[next], EventKind.SourceSpike, Offset + local);
        }
    }
}
