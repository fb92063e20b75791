using Snn.Core;
using Snn.Core.Inputs;
using Snn.Core.Models;

namespace Snn.Backends.EventDriven;

/// <summary>
/// <see cref="LifCurrent"/> neurons advanced analytically (<see cref="LifCurrentSolution"/>) from
/// event to event. Each neuron keeps its state at the time it was last touched and the version of
/// its predicted threshold crossing; an input re-predicts the crossing and makes the queued
/// prediction stale. An arriving weight w (pA) jumps the synaptic current at the arrival time, as
/// in the clock-driven engine's limit dt → 0. After a spike V is held at V_reset for t_ref while
/// the synaptic currents keep decaying. Injected <see cref="DcCurrent"/>s switch on and off at their
/// exact times.
/// </summary>
internal sealed class LifCurrentNeurons : EventPopulation
{
    private readonly Population<LifCurrent> _population;
    private readonly LifCurrent[] _models;
    private readonly double[] _time;
    private readonly double[] _v;
    private readonly double[] _synE;
    private readonly double[] _synI;
    private readonly double[] _external;
    private readonly double[] _refractoryUntil;
    private readonly long[] _version;

    public LifCurrentNeurons(Population<LifCurrent> population)
        : base(population)
    {
        _population = population;
        int n = population.Size;
        _models = new LifCurrent[n];
        _time = new double[n];
        _v = new double[n];
        _synE = new double[n];
        _synI = new double[n];
        _external = new double[n];
        _refractoryUntil = new double[n];
        _version = new long[n];
        var initial = population.InitialStates();
        for (int i = 0; i < n; i++)
        {
            _models[i] = population.ModelOf(i);
            _v[i] = initial[i].V;
            _synE[i] = initial[i].SynE;
            _synI[i] = initial[i].SynI;
            _external[i] = _models[i].IE;
        }
    }

    public override void Start(EventSimulation simulation)
    {
        foreach (var injection in simulation.Network.Injections)
        {
            if (!ReferenceEquals(injection.Target, _population) || injection.Source is not DcCurrent dc)
            {
                continue;
            }
            foreach (int neuron in injection.Neurons)
            {
                simulation.Schedule(dc.StartMs, EventKind.CurrentChange, Offset + neuron, value: dc.AmplitudePa);
                if (double.IsFinite(dc.StopMs))
                {
                    simulation.Schedule(dc.StopMs, EventKind.CurrentChange, Offset + neuron, value: -dc.AmplitudePa);
                }
            }
        }
        for (int i = 0; i < Size; i++)
        {
            Predict(simulation, i);
        }
    }

    public override void Handle(EventSimulation simulation, in ScheduledEvent e, double time)
    {
        int i = e.Neuron - Offset;
        switch (e.Kind)
        {
            case EventKind.Fire:
                if (e.Version != _version[i])
                {
                    return;
                }
                Advance(i, time);
                _v[i] = _models[i].VReset;
                _refractoryUntil[i] = time + _models[i].RefractoryPeriod;
                simulation.Emit(e.Neuron, time);
                break;
            case EventKind.Arrival:
                Advance(i, time);
                if (simulation.IsInhibitorySynapse(e.Synapse))
                {
                    _synI[i] += e.Value;
                }
                else
                {
                    _synE[i] += e.Value;
                }
                break;
            case EventKind.CurrentChange:
                Advance(i, time);
                _external[i] += e.Value;
                break;
            default:
                return;
        }
        Predict(simulation, i);
    }

    public override float Sample(int local, double time, StateVariable variable)
    {
        double t = _time[local], v = _v[local], synE = _synE[local], synI = _synI[local];
        Propagate(_models[local], ref t, ref v, ref synE, ref synI, _external[local], _refractoryUntil[local], time);
        return variable switch
        {
            StateVariable.V => (float)v,
            StateVariable.SynE => (float)synE,
            StateVariable.SynI => (float)synI,
            _ => 0f,
        };
    }

    private void Advance(int i, double time)
        => Propagate(_models[i], ref _time[i], ref _v[i], ref _synE[i], ref _synI[i], _external[i], _refractoryUntil[i], time);

    private static void Propagate(in LifCurrent model, ref double t, ref double v, ref double synE, ref double synI, double external, double refractoryUntil, double time)
    {
        if (time <= t)
        {
            return;
        }
        if (refractoryUntil > t)
        {
            double end = Math.Min(time, refractoryUntil);
            var held = LifCurrentPropagators.Over(model, end - t);
            synE *= held.ExcitatoryDecay;
            synI *= held.InhibitoryDecay;
            v = model.VReset;
            t = end;
        }
        if (time > t)
        {
            var propagators = LifCurrentPropagators.Over(model, time - t);
            v = LifCurrentSolution.Voltage(model, propagators, v, synE, synI, external);
            synE *= propagators.ExcitatoryDecay;
            synI *= propagators.InhibitoryDecay;
        }
        t = time;
    }

    private void Predict(EventSimulation simulation, int i)
    {
        _version[i]++;
        ref readonly var model = ref _models[i];
        double start = Math.Max(_time[i], _refractoryUntil[i]);
        double t = _time[i], v = _v[i], synE = _synE[i], synI = _synI[i];
        Propagate(model, ref t, ref v, ref synE, ref synI, _external[i], _refractoryUntil[i], start);
        double h = LifCurrentSolution.FirstThresholdCrossing(model, v, synE, synI, _external[i]);
        if (double.IsFinite(h))
        {
            simulation.Schedule(start + h, EventKind.Fire, Offset + i, version: _version[i]);
        }
    }
}
