using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Randomness;

namespace Snn.Backends.EventDriven;

/// <summary>
/// <see cref="PoissonSource"/> neurons in continuous time: exponential inter-spike intervals with
/// mean 1/rate drawn from the counter-based generator (stream
/// <see cref="RngStreams.NeuronNoise"/> of the population, one substream per neuron). The trains
/// are Poisson like the clock-driven engine's, but not spike-for-spike the same (that engine draws
/// one Bernoulli per step).
/// </summary>
internal sealed class PoissonNeurons : EventPopulation
{
    private readonly CounterRng[] _rng;
    private readonly double[] _meanIntervalMs;

    public PoissonNeurons(Population<PoissonSource> population)
        : base(population)
    {
        _rng = new CounterRng[population.Size];
        _meanIntervalMs = new double[population.Size];
        var network = population.Network;
        for (int i = 0; i < population.Size; i++)
        {
            _rng[i] = new CounterRng(network.Seed, RngStreams.NeuronNoise(population.Index), (uint)i);
            double rate = population.ModelOf(i).RateHz;
            _meanIntervalMs[i] = rate > 0 ? 1000.0 / rate : double.PositiveInfinity;
        }
    }

    public override void Start(EventSimulation simulation)
    {
        for (int i = 0; i < Size; i++)
        {
            ScheduleNext(simulation, i, 0);
        }
    }

    public override void Handle(EventSimulation simulation, in ScheduledEvent e, double time)
    {
        if (e.Kind != EventKind.SourceSpike)
        {
            return;
        }
        simulation.Emit(e.Neuron, time);
        ScheduleNext(simulation, e.Neuron - Offset, time);
    }

    private void ScheduleNext(EventSimulation simulation, int local, double from)
    {
        if (double.IsPositiveInfinity(_meanIntervalMs[local]))
        {
            return;
        }
        double interval = -Math.Log(_rng[local].NextDoubleNonZero()) * _meanIntervalMs[local];
        simulation.Schedule(from + interval, EventKind.SourceSpike, Offset + local);
    }
}
