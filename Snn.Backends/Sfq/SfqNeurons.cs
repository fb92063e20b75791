using Snn.Backends.EventDriven;
using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Randomness;

namespace Snn.Backends.Sfq;

/// <summary>
/// <see cref="SfqNeuron"/>s pulse by pulse. Each neuron's threshold comes from its bias:
/// n_th = (I_c,j − β I_bn) L / Φ0 with I_bn the nominal bias for the model's threshold, β the
/// global bias scale and I_c,j its output junction's critical current (with process spread). A
/// pulse that reaches the loop adds or removes one fluxon; the flux decays with τ = L/R; when it
/// reaches n_th the output junction switches after τ_sw (plus thermal jitter), emits one pulse and
/// releases the stored flux. Pulses that arrive during the refractory window are stored and
/// reported as hold violations; the threshold is checked again when the window ends. A neuron
/// whose bias exceeds I_c (n_th ≤ 0) is in the voltage state and fires at the Josephson frequency
/// R_n √(I² − I_c²) / Φ0.
/// </summary>
internal sealed class SfqNeurons : EventPopulation
{
    public const double RefractoryEnd = 1;
    public const double Oscillation = 2;
    public const double GateOscillation = 3;

    private readonly SfqTechnology _technology;
    private readonly SfqNeuron[] _models;
    private readonly double[] _threshold;
    private readonly double[] _biasUa;
    private readonly double[] _oscillationPeriodPs;
    private readonly double[] _time;
    private readonly double[] _flux;
    private readonly double[] _refractoryUntil;
    private readonly double[] _lastArrival;
    private readonly bool[] _firePending;
    private readonly bool[] _checkPending;
    private readonly long[] _version;
    private readonly long[] _fired;
    private readonly ulong _seed;
    private readonly uint _jitterStream;
    private readonly bool _thermalJitter;

    public SfqNeurons(Population<SfqNeuron> population, SfqTechnology technology, SfqBackendOptions options)
        : base(population)
    {
        _technology = technology;
        int n = population.Size;
        _models = new SfqNeuron[n];
        _threshold = new double[n];
        _biasUa = new double[n];
        _oscillationPeriodPs = new double[n];
        _time = new double[n];
        _flux = new double[n];
        _refractoryUntil = new double[n];
        _lastArrival = Enumerable.Repeat(double.NegativeInfinity, n).ToArray();
        _firePending = new bool[n];
        _checkPending = new bool[n];
        _version = new long[n];
        _fired = new long[n];
        _seed = population.Network.Seed;
        _jitterStream = RngStreams.User(SfqBackend.NeuronJitterStream);
        _thermalJitter = options.ThermalJitter;
        var initial = population.InitialStates();
        for (int i = 0; i < n; i++)
        {
            var model = population.ModelOf(i);
            _models[i] = model;
            _flux[i] = initial[i].V;
            double nominalBias = SfqBiasMapping.NeuronBiasUa(technology, model.ThresholdFluxons);
            double ic = technology.CriticalCurrentUa;
            if (options.CriticalCurrentSpread > 0)
            {
                var rng = new CounterRng(_seed, RngStreams.User(SfqBackend.ProcessStream), (uint)(population.Offset + i), (ulong)options.ChipIndex << 20);
                ic *= 1 + options.CriticalCurrentSpread * rng.NextNormal();
            }
            double bias = options.GlobalBiasScale * nominalBias;
            _biasUa[i] = bias;
            _threshold[i] = SfqBiasMapping.ThresholdFluxons(technology, bias, ic);
            double junctionCurrent = bias * technology.CriticalCurrentUa / SfqBiasMapping.NeuronZeroFluxSwitchingBiasUa(technology);
            _oscillationPeriodPs[i] = _threshold[i] <= 0
                ? SfqConstants.FluxQuantumMvPs / (technology.ShuntResistanceOhm * 1e-3 * Math.Sqrt(Math.Max(junctionCurrent * junctionCurrent - ic * ic, 1e-12)))
                : double.PositiveInfinity;
        }
    }

    /// <summary>Bias current of each neuron's output junction (µA).</summary>
    public ReadOnlySpan<double> BiasUa => _biasUa;

    /// <summary>The flux stored in a neuron's loop (Φ0) at its last update.</summary>
    public double StoredFlux(int local) => _flux[local];

    /// <summary>The effective threshold (Φ0) of a neuron.</summary>
    public double Threshold(int local) => _threshold[local];

    public override void Start(EventSimulation simulation)
    {
        var sfq = (SfqSimulation)simulation;
        for (int i = 0; i < Size; i++)
        {
            if (double.IsFinite(_oscillationPeriodPs[i]))
            {
                sfq.ReportError(0, SfqErrorKind.Overbiased, $"{Population.Name}[{i}]");
                simulation.Schedule(SfqConstants.Ps(_oscillationPeriodPs[i]), EventKind.Custom, Offset + i, value: Oscillation);
            }
        }
    }

    public override void Handle(EventSimulation simulation, in ScheduledEvent e, double time)
    {
        var sfq = (SfqSimulation)simulation;
        int i = e.Neuron - Offset;
        switch (e.Kind)
        {
            case EventKind.Arrival:
                Arrive(sfq, i, e, time);
                break;
            case EventKind.Fire:
                if (e.Version == _version[i])
                {
                    Fire(sfq, i, time);
                }
                break;
            case EventKind.Custom when e.Value == RefractoryEnd:
                _checkPending[i] = false;
                Advance(i, time);
                TryFire(sfq, i, time);
                break;
            case EventKind.Custom when e.Value == Oscillation:
                Advance(i, time);
                Fire(sfq, i, time);
                simulation.Schedule(time + SfqConstants.Ps(_oscillationPeriodPs[i]), EventKind.Custom, e.Neuron, value: Oscillation);
                break;
            case EventKind.Custom when e.Value == GateOscillation:
                sfq.GateOscillates(e.Synapse, time);
                break;
        }
    }

    private void Arrive(SfqSimulation sfq, int i, in ScheduledEvent e, double time)
    {
        int global = Offset + i;
        if (sfq.HasMerger(global) && time - _lastArrival[i] < SfqConstants.Ps(_technology.Merger.DelayPs))
        {
            sfq.ReportError(time, SfqErrorKind.MergerCollision, $"merger of {Population.Name}[{i}]");
            return;
        }
        _lastArrival[i] = time;
        Advance(i, time);
        _flux[i] += e.Value;
        sfq.CountFluxon(e.Value);
        if (time < _refractoryUntil[i])
        {
            sfq.ReportError(time, SfqErrorKind.HoldViolation, $"{Population.Name}[{i}]");
            if (!_checkPending[i])
            {
                _checkPending[i] = true;
                sfq.Schedule(_refractoryUntil[i], EventKind.Custom, global, value: RefractoryEnd);
            }
            return;
        }
        TryFire(sfq, i, time);
    }

    private void TryFire(SfqSimulation sfq, int i, double time)
    {
        if (_firePending[i] || time < _refractoryUntil[i] || _flux[i] < _threshold[i] - 1e-9)
        {
            return;
        }
        _firePending[i] = true;
        _version[i]++;
        double delayPs = _technology.SwitchingTimePs;
        if (_thermalJitter)
        {
            var block = Philox.Block(_seed, (uint)_fired[i], (uint)(_fired[i] >> 32), _jitterStream, (uint)(Offset + i));
            double u1 = 1 - Philox.ToUnitDouble(block.X0, block.X1);
            double u2 = Philox.ToUnitDouble(block.X2, block.X3);
            delayPs += _technology.ThermalJitterPs * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        sfq.Schedule(time + SfqConstants.Ps(Math.Max(0, delayPs)), EventKind.Fire, Offset + i, version: _version[i]);
    }

    private void Fire(SfqSimulation sfq, int i, double time)
    {
        Advance(i, time);
        sfq.Release(_flux[i]);
        _flux[i] = 0;
        _firePending[i] = false;
        _fired[i]++;
        _refractoryUntil[i] = time + SfqConstants.Ps(_models[i].RefractoryPs);
        sfq.Emit(Offset + i, time);
    }

    private void Advance(int i, double time)
    {
        double tau = _models[i].LeakTimeConstantPs;
        if (time > _time[i] && double.IsFinite(tau))
        {
            _flux[i] *= Math.Exp(-(time - _time[i]) * SfqConstants.PsPerMs / tau);
        }
        _time[i] = Math.Max(_time[i], time);
    }

    public override float Sample(int local, double time, StateVariable variable)
    {
        if (variable != StateVariable.V)
        {
            return 0f;
        }
        double tau = _models[local].LeakTimeConstantPs;
        double flux = _flux[local];
        if (time > _time[local] && double.IsFinite(tau))
        {
            flux *= Math.Exp(-(time - _time[local]) * SfqConstants.PsPerMs / tau);
        }
        return (float)flux;
    }
}
