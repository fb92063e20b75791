using Snn.Backends.EventDriven;
using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Randomness;

namespace Snn.Backends.Sfq;

/// <summary>
/// A network compiled by <see cref="SfqBackend"/>: the exact event-driven engine with pulse-level
/// SFQ circuits. A pulse of a source neuron with m targets crosses a splitter tree
/// (⌈log2 m⌉ levels), then each synapse's stochastic gate, which passes it with probability
/// p(I_b) (<see cref="SfqBiasMapping"/>; the draw comes from the counter-based generator keyed by
/// synapse and pulse number; a blocked pulse switches the escape junction only; with a calibrated
/// double-switch rate d a passed pulse also switches it with probability 4 d p (1 − p), and the
/// gate then loses its next pulse, which refills the line), then the synapse's JTL chain (its delay rounded to whole JTL
/// stages, at least one), then the target's merger tree (⌈log2 k⌉ levels for k inputs), and
/// finally adds (excitatory) or removes (inhibitory) one fluxon in the target's loop. The path
/// delay gets thermal jitter (√(switching junctions) × σ_t) and optionally PyLSE's delay
/// variability. Every switching junction is counted for the energy report. A technology with
/// calibrated tables (<see cref="SfqTechnology.Tables"/>) is read at its temperature and the
/// global bias scale: cell delays, the gate curve (its I_50 and σ at that scale, while the weight
/// sets the bias by the curve at scale 1), each gate's delay at its bias (the gray-zone delay), the
/// path jitter as the quadrature sum of the measured cell jitters, and whether the interconnect works.
/// </summary>
public sealed class SfqSimulation : EventSimulation
{
    private const int MaxStoredErrors = 10_000;

    private readonly SfqTechnology _technology;
    private readonly SfqOperatingPoint _operating;
    private readonly SfqBackendOptions _options;
    private readonly double[] _passProbability;
    private readonly double[] _gateBiasUa;
    private readonly double[] _gateCriticalUa;
    private readonly double[] _gateDelayPs;
    private readonly double[] _gateJitterPs;
    private readonly int[] _jtlStages;
    private readonly long[] _gatePulses;
    private readonly bool[] _gateHole;
    private readonly int[] _fanOutDepth;
    private readonly int[] _fanInDepth;
    private readonly List<SfqError> _errors = [];
    private readonly uint _gateStream;
    private readonly uint _jitterStream;
    private readonly bool _interconnectWorks;
    private long _errorCount;
    private long _switches;
    private long _pulses;
    private long _fluxonsIn;
    private long _antifluxonsIn;
    private double _released;

    internal SfqSimulation(Network network, SfqTechnology technology, SfqBackendOptions options)
        : this(network, technology, options, SfqOperatingPoint.From(technology, options.GlobalBiasScale))
    {
    }

    private SfqSimulation(Network network, SfqTechnology technology, SfqBackendOptions options, SfqOperatingPoint operating)
        : base(network, p => p.Accept(new SfqPopulationFactory(operating.Technology, options)))
    {
        _technology = technology;
        _operating = operating;
        _options = options;
        _gateStream = RngStreams.User(SfqBackend.GateStream);
        _jitterStream = RngStreams.User(SfqBackend.PathJitterStream);
        int synapses = SynapseTarget.Length;
        _passProbability = new double[synapses];
        _gateBiasUa = new double[synapses];
        _gateCriticalUa = new double[synapses];
        _gateDelayPs = new double[synapses];
        _gateJitterPs = new double[synapses];
        _jtlStages = new int[synapses];
        _gatePulses = new long[synapses];
        _gateHole = new bool[synapses];
        int neurons = network.NeuronCount;
        _fanOutDepth = new int[neurons];
        _fanInDepth = new int[neurons];
        for (int g = 0; g < neurons; g++)
        {
            _fanOutDepth[g] = TreeDepth(RowStart[g + 1] - RowStart[g]);
            _fanInDepth[g] = TreeDepth(InDegree[g]);
        }
        for (int s = 0; s < synapses; s++)
        {
            CheckWeight(s, SynapseWeight[s]);
            double ic = technology.CriticalCurrentUa;
            if (options.CriticalCurrentSpread > 0)
            {
                var rng = new CounterRng(network.Seed, RngStreams.User(SfqBackend.ProcessStream), (uint)(neurons + s), (ulong)options.ChipIndex << 20);
                ic *= 1 + options.CriticalCurrentSpread * rng.NextNormal();
            }
            _gateCriticalUa[s] = ic;
            _jtlStages[s] = Math.Max(1, (int)Math.Round(SynapseDelayMs[s] * SfqConstants.PsPerMs / technology.Jtl.DelayPs));
            SetGateBias(s);
        }
        _interconnectWorks = operating.InterconnectWorks;
        if (!_interconnectWorks)
        {
            ReportError(0, SfqErrorKind.BiasOutOfWindow, $"interconnect at bias scale {options.GlobalBiasScale}");
        }
        for (int s = 0; s < synapses; s++)
        {
            if (_gateBiasUa[s] >= _gateCriticalUa[s])
            {
                ReportError(0, SfqErrorKind.Overbiased, SynapseName(s));
                Schedule(SfqConstants.Ps(GateOscillationPeriodPs(s)), EventKind.Custom, SynapseTarget[s], s, SfqNeurons.GateOscillation);
            }
        }
        Start();
    }

    /// <summary>The technology.</summary>
    public SfqTechnology Technology => _technology;

    /// <summary>The operating conditions.</summary>
    public SfqBackendOptions Options => _options;

    /// <summary>Fluxons delivered into neuron loops so far (excitatory pulses that passed their gate and merger).</summary>
    public long FluxonsDelivered => _fluxonsIn;

    /// <summary>Antifluxons delivered into neuron loops so far (inhibitory pulses).</summary>
    public long AntifluxonsDelivered => _antifluxonsIn;

    /// <summary>Net flux released by firing neurons so far (Φ0).</summary>
    public double FluxReleased => _released;

    /// <summary>The pass probabilities of the gates of <paramref name="projection"/> under the
    /// current bias settings, in the order of <see cref="Projection.Instantiate"/>.</summary>
    /// <param name="projection">A projection of this network.</param>
    public double[] PassProbabilities(Projection projection) => PerSynapse(projection, _passProbability);

    /// <summary>The gate bias currents (µA) of <paramref name="projection"/>, in the order of <see cref="Projection.Instantiate"/>.</summary>
    /// <param name="projection">A projection of this network.</param>
    public double[] GateBiasesUa(Projection projection) => PerSynapse(projection, _gateBiasUa);

    /// <summary>The nominal path delays (ps) of <paramref name="projection"/>'s synapses: splitter
    /// tree, gate, JTL chain and merger tree, without jitter.</summary>
    /// <param name="projection">A projection of this network.</param>
    public double[] PathDelaysPs(Projection projection)
    {
        CheckProjection(projection);
        var positions = ProjectionPositions[projection.Index];
        var delays = new double[positions.Length];
        for (int k = 0; k < delays.Length; k++)
        {
            int s = positions[k];
            delays[k] = NominalPathDelayPs(SourceOf(s), s);
        }
        return delays;
    }

    /// <summary>The gate delays (ps) of <paramref name="projection"/>'s synapses at their biases
    /// (with calibrated tables, the gray-zone delay at each gate's standard score), without jitter.</summary>
    /// <param name="projection">A projection of this network.</param>
    public double[] GateDelaysPs(Projection projection) => PerSynapse(projection, _gateDelayPs);

    /// <summary>The stored flux (Φ0) of a neuron of an <see cref="SfqNeuron"/> population at its last event.</summary>
    /// <param name="population">An SfqNeuron population of this network.</param>
    /// <param name="neuron">Population-local index.</param>
    public double StoredFlux(Population<SfqNeuron> population, int neuron)
    {
        ArgumentNullException.ThrowIfNull(population);
        Snn.Core.Validation.Guard.InRange(neuron, 0, population.Size - 1, nameof(neuron));
        return Neurons(population).StoredFlux(neuron);
    }

    /// <summary>The effective threshold (Φ0) of a neuron under the current bias and process spread.</summary>
    /// <param name="population">An SfqNeuron population of this network.</param>
    /// <param name="neuron">Population-local index.</param>
    public double Threshold(Population<SfqNeuron> population, int neuron)
    {
        ArgumentNullException.ThrowIfNull(population);
        Snn.Core.Validation.Guard.InRange(neuron, 0, population.Size - 1, nameof(neuron));
        return Neurons(population).Threshold(neuron);
    }

    private SfqNeurons Neurons(Population population) => ReferenceEquals(population.Network, Network)
        ? (SfqNeurons)PopulationOf(population)
        : throw new ArgumentException($"Population '{population.Name}' belongs to another network.", nameof(population));

    /// <summary>The energy, size and error report of the run so far.</summary>
    public SfqReport Report()
    {
        double durationPs = TimeMs * SfqConstants.PsPerMs;
        long junctions = 0;
        double biasUa = 0;
        double interconnectBias = _technology.InterconnectBiasFraction * _technology.CriticalCurrentUa * _options.GlobalBiasScale;
        int neurons = Network.NeuronCount;
        for (int g = 0; g < neurons; g++)
        {
            int outDegree = RowStart[g + 1] - RowStart[g];
            long splitterJunctions = (long)Math.Max(0, outDegree - 1) * _technology.Splitter.Junctions;
            long mergerJunctions = (long)Math.Max(0, InDegree[g] - 1) * _technology.Merger.Junctions;
            junctions += splitterJunctions + mergerJunctions;
            biasUa += (splitterJunctions + mergerJunctions) * interconnectBias;
        }
        foreach (var population in Network.Populations)
        {
            if (PopulationOf(population) is SfqNeurons sfq)
            {
                junctions += (long)population.Size * _technology.NeuronJunctions;
                foreach (double bias in sfq.BiasUa)
                {
                    biasUa += bias + (_technology.NeuronJunctions - 1) * interconnectBias;
                }
            }
        }
        for (int s = 0; s < SynapseTarget.Length; s++)
        {
            long jtl = (long)_jtlStages[s] * _technology.Jtl.Junctions;
            junctions += _technology.Gate.Junctions + jtl;
            biasUa += _gateBiasUa[s] + (_technology.Gate.Junctions - 1 + jtl) * interconnectBias;
        }
        double perSwitch = _technology.EnergyPerSwitchJ;
        double dynamic = _switches * perSwitch;
        double staticPower = _technology.Family == SfqLogicFamily.Rsfq ? _technology.BiasVoltageMv * 1e-3 * biasUa * 1e-6 : 0;
        double staticEnergy = staticPower * durationPs * 1e-12;
        double total = dynamic + staticEnergy;
        return new SfqReport(durationPs, _pulses, _switches, perSwitch, dynamic, staticPower, staticEnergy, total,
            total * (1 + _technology.CryocoolerOverhead), junctions, biasUa, _errorCount, [.. _errors], _technology.Family);
    }

    /// <summary>The reported errors of one kind so far.</summary>
    /// <param name="kind">The kind.</param>
    public int ErrorCountOf(SfqErrorKind kind) => _errors.Count(e => e.Kind == kind);

    internal bool HasMerger(int neuron) => InDegree[neuron] >= 2;

    internal void ReportError(double timeMs, SfqErrorKind kind, string element)
    {
        _errorCount++;
        if (_errors.Count < MaxStoredErrors)
        {
            _errors.Add(new SfqError(timeMs * SfqConstants.PsPerMs, kind, element));
        }
    }

    internal void CountFluxon(double sign)
    {
        if (sign > 0)
        {
            _fluxonsIn++;
        }
        else
        {
            _antifluxonsIn++;
        }
    }

    internal void Release(double flux)
    {
        _released += flux;
        _switches += 1 + (long)Math.Round(Math.Abs(flux));
    }

    private protected override void OnSpike(int neuron, double time) => _pulses++;

    private protected override void Transmit(int source, double time)
    {
        int start = RowStart[source], end = RowStart[source + 1];
        if (end == start)
        {
            return;
        }
        _switches += (long)(end - start - 1) * _technology.Splitter.SwitchesPerPulse;
        if (!_interconnectWorks)
        {
            return;
        }
        for (int s = start; s < end; s++)
        {
            long pulse = _gatePulses[s]++;
            var draw = Philox.Block(Network.Seed, (uint)pulse, (uint)(pulse >> 32), _gateStream, (uint)s);
            if (_gateHole[s])
            {
                _gateHole[s] = false;
                continue;
            }
            double p = _passProbability[s];
            if (Philox.ToUnitDouble(draw.X0, draw.X1) >= p)
            {
                _switches++;
                continue;
            }
            double doubleSwitchRate = _operating.Technology.GateDoubleSwitchRate;
            if (doubleSwitchRate > 0 && Philox.ToUnitDouble(draw.X2, draw.X3) < 4 * doubleSwitchRate * p * (1 - p))
            {
                _gateHole[s] = true;
                _switches++;
            }
            Deliver(source, s, time, pulse);
        }
    }

    /// <summary>An overbiased gate emits a pulse on its own and schedules its next one.</summary>
    internal void GateOscillates(int s, double time)
    {
        if (_interconnectWorks)
        {
            Deliver(SourceOf(s), s, time, _gatePulses[s]++);
        }
        Schedule(time + SfqConstants.Ps(GateOscillationPeriodPs(s)), EventKind.Custom, SynapseTarget[s], s, SfqNeurons.GateOscillation);
    }

    private void Deliver(int source, int s, double time, long pulse)
    {
        int target = SynapseTarget[s];
        int mergers = _fanInDepth[target];
        int switching = _technology.Gate.SwitchesPerPulse + _jtlStages[s] * _technology.Jtl.SwitchesPerPulse + mergers * _technology.Merger.SwitchesPerPulse;
        _switches += switching;
        double delayPs = NominalPathDelayPs(source, s);
        if (_options.ThermalJitter || _options.DelayJitterScale > 0)
        {
            var noise = Philox.Block(Network.Seed, (uint)pulse, (uint)(pulse >> 32), _jitterStream, (uint)s);
            double radius = Math.Sqrt(-2 * Math.Log(1 - Philox.ToUnitDouble(noise.X0, noise.X1)));
            double angle = 2 * Math.PI * Philox.ToUnitDouble(noise.X2, noise.X3);
            double jitter = 0;
            if (_options.ThermalJitter)
            {
                double sigma = _operating.Calibrated
                    ? _operating.PathJitterPs(_fanOutDepth[source], _gateJitterPs[s], _jtlStages[s], mergers)
                    : _technology.ThermalJitterPs * Math.Sqrt(switching);
                jitter += sigma * radius * Math.Cos(angle);
            }
            if (_options.DelayJitterScale > 0)
            {
                double sigma = _options.DelayJitterScale * 0.2 * delayPs / 3;
                jitter += Math.Clamp(sigma * radius * Math.Sin(angle), -0.2 * delayPs * _options.DelayJitterScale, 0.2 * delayPs * _options.DelayJitterScale);
            }
            delayPs = Math.Max(0, delayPs + jitter);
        }
        Schedule(time + SfqConstants.Ps(delayPs), EventKind.Arrival, target, s, SynapseInhibitory[s] ? -1 : 1);
    }

    private double NominalPathDelayPs(int source, int s)
    {
        var cells = _operating.Technology;
        return _fanOutDepth[source] * cells.Splitter.DelayPs + _gateDelayPs[s]
            + _jtlStages[s] * cells.Jtl.DelayPs + _fanInDepth[SynapseTarget[s]] * cells.Merger.DelayPs;
    }

    private double GateOscillationPeriodPs(int s)
    {
        double bias = _gateBiasUa[s], ic = _gateCriticalUa[s];
        return SfqConstants.FluxQuantumMvPs / (_technology.ShuntResistanceOhm * 1e-3 * Math.Sqrt(Math.Max(bias * bias - ic * ic, 1e-12)));
    }

    private void SetGateBias(int s)
    {
        double scale = _options.GlobalBiasScale * _options.ProjectionBiasScales.GetValueOrDefault(SynapseProjection[s], 1.0);
        double nominal = SfqBiasMapping.GateBiasUa(_technology, SynapseWeight[s], _technology.CriticalCurrentUa);
        _gateBiasUa[s] = scale * nominal;
        _passProbability[s] = SfqBiasMapping.PassProbability(_operating.Technology, _gateBiasUa[s], _gateCriticalUa[s]);
        (_gateDelayPs[s], _gateJitterPs[s]) = _operating.Gate(_gateBiasUa[s], _gateCriticalUa[s]);
    }

    private int SourceOf(int s)
    {
        int index = Array.BinarySearch(RowStart, s);
        if (index < 0)
        {
            return ~index - 1;
        }
        while (index + 1 < RowStart.Length && RowStart[index + 1] == s)
        {
            index++;
        }
        return index;
    }

    private double[] PerSynapse(Projection projection, double[] values)
    {
        CheckProjection(projection);
        var positions = ProjectionPositions[projection.Index];
        var result = new double[positions.Length];
        for (int k = 0; k < result.Length; k++)
        {
            result[k] = values[positions[k]];
        }
        return result;
    }

    private string SynapseName(int s) => $"gate of {Network.Projections[SynapseProjection[s]].Name}";

    private void CheckWeight(int s, double weight)
    {
        bool inhibitory = SynapseInhibitory[s];
        bool valid = inhibitory ? weight is >= -1 and <= 0 : weight is >= 0 and <= 1;
        if (!valid)
        {
            string range = inhibitory ? "[-1, 0] (inhibitory)" : "[0, 1] (excitatory)";
            throw new ArgumentOutOfRangeException("weight", weight,
                $"Projection {Network.Projections[SynapseProjection[s]].Name}: weight {weight} must be a signed pass probability in {range}.");
        }
    }

    private protected override void ValidateWeight(Projection projection, int synapse, float weight)
    {
        bool inhibitory = projection.Receptor == Receptor.Inhibitory;
        bool valid = inhibitory ? weight is >= -1 and <= 0 : weight is >= 0 and <= 1;
        if (!valid)
        {
            string range = inhibitory ? "[-1, 0]" : "[0, 1]";
            throw new ArgumentOutOfRangeException("weights", weight, $"weights[{synapse}] = {weight} must be a signed pass probability in {range}.");
        }
    }

    private protected override void OnWeightChanged(int position) => SetGateBias(position);

    private static int TreeDepth(int leaves) => leaves <= 1 ? 0 : (int)Math.Ceiling(Math.Log2(leaves));
}
