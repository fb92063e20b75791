using Snn.Backends.Cpu;
using Snn.Backends.Engine;
using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Randomness;
using Snn.Core.Simulation;
using Snn.Core.Validation;

namespace Snn.Backends.Crossbar;

/// <summary>
/// A network running with every projection on simulated resistive crossbars and its neurons in
/// digital periphery (the CPU engine's model code). Each step k: injected currents and Poisson drives
/// are applied, every neuron is updated from its delay-ring slot, and the spikes of step k drive the
/// rows of the tiles of every projection leaving their population (one read pulse per spiking source);
/// each tile's column currents are summed by Kirchhoff's law (with wire drop and per-read noise when
/// set), digitised by the ADC, scaled back to weight units, summed over the row-tiles of a column in
/// the periphery and written into the delay ring at slot k + delay of the tile set.
/// <para>When the read is linear (<see cref="CrossbarOptions.IsLinearRead"/>) the engine adds each
/// cell pair's effective weight into the ring in exactly the CPU engine's order (source neuron, then
/// projection, then target), which is the same arithmetic as digitising an exact column sum; so with
/// an ideal device and periphery the spikes equal the CPU engine's bit for bit (multapses excepted:
/// a crossbar cell holds their summed weight).</para>
/// <para>The step loop, neuron update, plasticity and recording are the engine core's
/// (<see cref="EngineCore"/>); this engine supplies the delivery through its tile read path, with its own
/// cost counters. Plastic projections learn on chip through the core's plastic dispatcher with their
/// weights in the cells (<see cref="CrossbarCells"/>). Their spikes wait in the periphery for their delay
/// and then drive the rows of their tile set (a crossbar read has no delay, so the delay sits before the
/// row rather than after the column). Each step, in the core's event order: arrivals run the rule's
/// <c>OnPreArrival</c> and the synapse then transmits what its cells realise; after the neuron update,
/// <c>OnPostSpike</c> and <c>AfterPostSpike</c> run for the targets that fired; modulators advance; every
/// <c>PeriodMs</c>, <c>OnPeriod</c> runs for every synapse. Every weight a rule changes is a programming
/// request: <see cref="CellProgrammer"/> turns it into pulses through the device's
/// <see cref="ResistiveDevice.Update"/> response, and the synapse's weight becomes the pair's new
/// effective weight (read back without noise). With the analog ideal update, an ideal device and
/// periphery, and a weight range holding the rule's bounds, spikes and weights equal the CPU engine's.</para>
/// <para>Short-term plasticity (<see cref="ShortTermPlasticity"/>) runs in the digital periphery: when a
/// neuron fires, the u and x of each of its projections with short-term plasticity advance (the CPU
/// engine's <c>ShortTermState</c>), and the factor u·x scales the spike where it enters the tile read
/// path, as the amplitude of its word-line pulse (a read applies V·u·x to that row). A plastic projection's
/// spike keeps the factor of its emission while it waits for its delay. Linear reads multiply each cell
/// pair's weight by the factor in the CPU engine's arithmetic, so an ideal chip still gives the CPU engine's
/// spikes bit for bit; the cost report counts the updates of u and x and the scaled pulses' read energy.</para>
/// </summary>
public sealed class CrossbarSimulation : IModulation, IWeightWriting, ISpikeDiscarding, IEnginePhases
{
    private readonly Network _network;
    private readonly CrossbarOptions _options;
    private readonly ulong _key;
    private readonly SynapseTable[] _tables;
    private readonly InjectedCurrents _injections;
    private readonly int _updatedNeurons;
    private readonly AnalogToDigitalConverter? _adc;
    private readonly CellProgrammer _programmer;
    private readonly CrossbarCells?[] _cells;
    private readonly SpikeHistory? _history;
    private readonly ShortTermState? _shortTerm;
    private readonly EngineCore _core;
    private TileSet[][] _tileSets;
    private TileSet[] _allSets = [];
    private int[] _firstSet = [];
    private int[] _staticSets = [];
    private int[] _local = [];
    private int[] _rowStart = [];
    private int[] _column = [];
    private float[] _weight = [];
    private ushort[] _delay = [];
    private int[] _entry = [];
    private int[] _active = [];
    private double[] _amplitude = [];
    private double[] _partial = [];
    private double[] _currents = [];
    private double[] _squares = [];
    private ReadScratch _scratch;
    private bool _readThisStep;
    private long _tileReads;
    private long _rowActivations;
    private long _cellReads;
    private long _conversions;
    private long _synapticOperations;
    private long _neuronUpdates;
    private long _spikeCount;
    private long _readSteps;
    private long _shortTermUpdates;
    private double _cellEnergy;
    private bool _disposed;

    internal CrossbarSimulation(Network network, CrossbarOptions options)
    {
        _network = network;
        _options = options;
        _key = CrossbarStreams.Key(network.Seed, options.ChipSeed);
        int neurons = network.NeuronCount;
        var partitioning = new Partitioning(neurons, 1);
        _updatedNeurons = network.Populations.Where(p => p.SynapseKind != Snn.Core.Models.SynapseKind.None).Sum(p => p.Size);
        _tables = network.Projections.Select(p => p.Instantiate()).ToArray();
        _tileSets = network.Projections.Select(p => ProjectionMapper.Map(p, _tables[p.Index], options, _key, null)).ToArray();
        _programmer = new CellProgrammer(options);
        _cells = new CrossbarCells?[network.Projections.Count];
        IndexTileSets();
        int plasticDelay = network.Projections.Where(p => p.Plasticity is not null).SelectMany(p => _tileSets[p.Index]).Select(s => s.DelaySteps).DefaultIfEmpty(0).Max();
        _history = plasticDelay > 0 ? new SpikeHistory(plasticDelay + 1, neurons) : null;
        int maxDelay = _allSets.Select(s => s.DelaySteps).DefaultIfEmpty(1).Max();
        _shortTerm = ShortTermState.For(network, 1);
        _core = new EngineCore(network, this, new EngineSetup([[(0, neurons)]], UseBlockUpdate: true,
            new CrossbarPlasticFactory(_tables, _tileSets, _programmer, _key, options.IsLinearRead, _cells, _shortTerm),
            Math.Max(maxDelay, 1), m => new StateMonitorBuffer(m, partitioning)));
        _scratch = new ReadScratch(options.TileRows, options.TileColumns);
        PrepareBuffers();
        if (options.AdcBits is int bits)
        {
            _adc = new AnalogToDigitalConverter(bits, options.AdcFullScale * options.ReadVoltage * (options.Device.GMax - options.Device.GMin));
        }
        _injections = new InjectedCurrents(network, partitioning);
    }

    /// <inheritdoc />
    public Network Network => _network;

    /// <summary>The settings this chip was compiled with.</summary>
    public CrossbarOptions Options => _options;

    /// <inheritdoc />
    public long StepCount => _core.Step;

    /// <inheritdoc />
    public double TimeMs => _core.Step * _network.Dt;

    /// <summary>Tiles allocated for all projections.</summary>
    public int TileCount => _allSets.Sum(s => s.TileCount);

    /// <summary>Tile sets of <paramref name="projection"/>: one per distinct delay.</summary>
    public int TileSetCount(Projection projection)
    {
        CheckProjection(projection);
        return _tileSets[projection.Index].Length;
    }

    /// <summary>The programmed cells of <paramref name="projection"/>, one entry per synapse. For a plastic
    /// projection the read conductances and effective weights are the cells' present state (after on-chip
    /// updates); targets and programmed values are those of the last full programming.</summary>
    public ProjectionConductances GetConductances(Projection projection)
    {
        CheckProjection(projection);
        var table = _tables[projection.Index];
        var details = new ProjectionConductances(table.Count);
        ProjectionMapper.Map(projection, table, _options, _key, details);
        if (projection.Plasticity is not null)
        {
            var sets = _tileSets[projection.Index];
            for (int s = 0; s < table.Count; s++)
            {
                var set = sets.First(t => t.DelaySteps == table.DelaySteps[s]);
                long at = (long)table.Sources[s] * set.Stride + 2 * table.Targets[s];
                details.ReadPlus[s] = set.Conductance[at];
                details.ReadMinus[s] = set.Conductance[at + 1];
                details.EffectiveWeights[s] = (float)set.Weight(table.Sources[s], table.Targets[s]);
            }
        }
        return details;
    }

    /// <inheritdoc />
    public void Run(double durationMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _core.Run(SimulationLimits.StepsOf(durationMs, _network.Dt));
    }

    void IEnginePhases.ApplyCurrents(int part, long step) => _injections.Apply(_core.State.Current, 0, step);

    /// <summary>Reads the rows of the plastic tile sets whose spikes arrive now (their arrival events have run):
    /// projection by projection, from the longest delay down; the reads are costed and, for non-linear reads,
    /// digitised into the current slot.</summary>
    void IEnginePhases.AfterPlasticArrivals(int part, long step, int slot)
    {
        bool read = false;
        foreach (var plastic in _core.Plastic)
        {
            int index = plastic.Projection.Index;
            var sets = _tileSets[index];
            for (int i = sets.Length - 1; i >= 0; i--)
            {
                long emitted = step - sets[i].DelaySteps;
                read |= ReadTileSet(_firstSet[index] + i, _history!.At(emitted), slot, step, emitted);
            }
        }
        _readThisStep = read;
    }

    /// <summary>Delivers this step's spikes: advances their short-term plasticity, then static projections
    /// through their tile sets (linear reads add each cell pair's weight, times its source's factor, in the
    /// CPU engine's order), plastic ones into the core's arrival queues.</summary>
    void IEnginePhases.Deliver(int part, long step, int slot, int buffer)
    {
        var fired = _core.Fired(buffer, 0);
        var ring = _core.Ring;
        _spikeCount += fired.Length;
        _neuronUpdates += _updatedNeurons;
        if (_shortTerm is not null)
        {
            _shortTerm.Prepare(0, ring.Slots);
            _shortTermUpdates += _shortTerm.Emit(0, fired, step, slot);
        }
        if (_options.IsLinearRead)
        {
            DeliverLinear(fired, slot);
        }
        bool read = _readThisStep;
        foreach (int t in _staticSets)
        {
            int arrival = slot + _allSets[t].DelaySteps;
            read |= ReadTileSet(t, fired, arrival >= ring.Slots ? arrival - ring.Slots : arrival, step, step);
        }
        if (read)
        {
            _readSteps++;
        }
        _history?.Record(step, fired);
        _core.DeliverPlastic(0, fired, slot);
    }

    int IEnginePhases.StaticSynapseCount(Projection projection) => _tables[projection.Index].Count;

    void IEnginePhases.SampleStaticWeights(Projection projection, float[] row) => GetWeights(projection).CopyTo(row, 0);

    /// <summary>Adds every spiking source's cell-pair weights (times their short-term factors, emitted in
    /// <paramref name="slot"/>) into the ring, in the CPU engine's order.</summary>
    private void DeliverLinear(ReadOnlySpan<int> fired, int slot)
    {
        var data = _core.Ring.Data;
        int slots = _core.Ring.Slots;
        int stride = _core.Ring.Stride;
        if (_shortTerm is not null)
        {
            var factors = _shortTerm.Row(0, slot);
            foreach (int source in fired)
            {
                for (int k = _rowStart[source]; k < _rowStart[source + 1]; k++)
                {
                    int arrival = slot + _delay[k];
                    if (arrival >= slots)
                    {
                        arrival -= slots;
                    }
                    data[(long)arrival * stride + _column[k]] += _weight[k] * factors[_entry[k]];
                }
            }
            return;
        }
        foreach (int source in fired)
        {
            for (int k = _rowStart[source]; k < _rowStart[source + 1]; k++)
            {
                int arrival = slot + _delay[k];
                if (arrival >= slots)
                {
                    arrival -= slots;
                }
                data[(long)arrival * stride + _column[k]] += _weight[k];
            }
        }
    }

    /// <summary>Counts the cost of reading one tile set's rows of the spiking sources among <paramref name="fired"/>
    /// (emitted in step <paramref name="emitted"/>) and, unless the read is linear, performs the reads and adds
    /// the digitised outputs into ring slot <paramref name="arrival"/>. With short-term plasticity each row's
    /// pulse is scaled by its source's factor u·x.</summary>
    /// <returns>Whether any tile of the set was read.</returns>
    private bool ReadTileSet(int index, ReadOnlySpan<int> fired, int arrival, long step, long emitted)
    {
        var set = _allSets[index];
        var source = set.Projection.Source;
        int first = LowerBound(fired, source.Offset);
        int last = LowerBound(fired, source.Offset + source.Size);
        int n = last - first;
        if (n == 0)
        {
            return false;
        }
        var active = _active.AsSpan(0, n);
        for (int k = 0; k < n; k++)
        {
            active[k] = fired[first + k] - source.Offset;
        }
        var amplitude = Span<double>.Empty;
        if (_shortTerm is not null && set.Projection.ShortTerm is not null)
        {
            amplitude = _amplitude.AsSpan(0, n);
            var factors = _shortTerm.Row(0, _core.Ring.SlotOf(emitted));
            for (int k = 0; k < n; k++)
            {
                amplitude[k] = factors[_shortTerm.EntryOf(set.Projection, active[k])];
            }
        }
        int targets = set.Targets;
        double energy = 0;
        for (int k = 0; k < n; k++)
        {
            double a = amplitude.IsEmpty ? 1 : amplitude[k];
            energy += a * a * set.RowConductance[active[k]];
            for (int c = 0; c < targets; c++)
            {
                if (set.Used[(long)active[k] * targets + c])
                {
                    _synapticOperations++;
                }
            }
        }
        double voltage = _options.ReadVoltage;
        _cellEnergy += voltage * voltage * _options.ReadPulseWidth * energy * 1e-6;
        _rowActivations += (long)n * set.ColumnBlocks;
        _cellReads += (long)n * set.Stride;
        bool linear = _options.IsLinearRead;
        var partial = _partial.AsSpan(0, targets);
        partial.Clear();
        int start = 0;
        while (start < n)
        {
            int block = active[start] / set.TileRows;
            int end = start;
            while (end < n && active[end] / set.TileRows == block)
            {
                end++;
            }
            _tileReads += set.ColumnBlocks;
            _conversions += targets;
            if (!linear)
            {
                ReadRowBlock(index, set, active[start..end], amplitude.IsEmpty ? default : amplitude[start..end], block, partial, step);
            }
            start = end;
        }
        if (!linear)
        {
            var delayRing = _core.Ring;
            int receptor = set.Projection.Receptor == Receptor.Inhibitory ? delayRing.Neurons : 0;
            var ring = delayRing.Data.AsSpan((int)((long)arrival * delayRing.Stride) + receptor + set.Projection.Target.Offset, targets);
            double scale = set.OutputScale / voltage;
            for (int c = 0; c < targets; c++)
            {
                ring[c] += (float)(partial[c] * scale);
            }
        }
        return true;
    }

    /// <summary>Reads the tiles of one row block for the active rows (driven at their
    /// <paramref name="amplitudes"/> when not empty) and accumulates each column pair's digitised
    /// differential current (µA) into <paramref name="partial"/>.</summary>
    private void ReadRowBlock(int index, TileSet set, ReadOnlySpan<int> rows, ReadOnlySpan<double> amplitudes, int block, Span<double> partial, long step)
    {
        double voltage = _options.ReadVoltage;
        double readNoise = _options.Device.ReadNoise;
        int rowEnd = (block + 1) * set.TileRows;
        uint stream = CrossbarStreams.ReadNoise(index);
        for (int cb = 0; cb < set.ColumnBlocks; cb++)
        {
            int firstTarget = cb * set.TileTargets;
            int count = Math.Min(set.TileTargets, set.Targets - firstTarget);
            var currents = _currents.AsSpan(0, 2 * count);
            CrossbarTile.ReadUnchecked(set.Conductance, rowEnd, set.Stride, 2 * firstTarget, 2 * count, rows, voltage, _options.WireResistance, currents, _scratch, amplitudes);
            var squares = _squares.AsSpan(0, 2 * count);
            if (readNoise > 0)
            {
                squares.Clear();
                for (int r = 0; r < rows.Length; r++)
                {
                    var g = set.Conductance.AsSpan((int)((long)rows[r] * set.Stride) + 2 * firstTarget, 2 * count);
                    double a2 = amplitudes.IsEmpty ? 1 : amplitudes[r] * amplitudes[r];
                    for (int j = 0; j < g.Length; j++)
                    {
                        squares[j] += a2 * g[j] * g[j];
                    }
                }
            }
            for (int c = 0; c < count; c++)
            {
                double current = currents[2 * c] - currents[2 * c + 1];
                if (readNoise > 0)
                {
                    double sigma = voltage * readNoise * Math.Sqrt(squares[2 * c] + squares[2 * c + 1]);
                    var draw = Philox.Block(_key, (uint)step, (uint)((ulong)step >> 32), stream, (uint)(block * set.Targets + firstTarget + c));
                    current += sigma * CrossbarStreams.Normal(draw);
                }
                partial[firstTarget + c] += _adc is { } adc ? adc.Convert(current) : current;
            }
        }
    }

    private static int LowerBound(ReadOnlySpan<int> sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>Lists every tile set once (projection order, then delay), the first set of each projection
    /// and the sets of static projections.</summary>
    private void IndexTileSets()
    {
        _allSets = _tileSets.SelectMany(s => s).ToArray();
        _firstSet = new int[_tileSets.Length];
        for (int p = 1; p < _tileSets.Length; p++)
        {
            _firstSet[p] = _firstSet[p - 1] + _tileSets[p - 1].Length;
        }
        _staticSets = Enumerable.Range(0, _allSets.Length).Where(t => _allSets[t].Projection.Plasticity is null).ToArray();
    }

    /// <summary>Sizes the scratch arrays and, for linear reads, builds the per-source lists of static cell
    /// pairs: by global source, then projection and delay (tile-set order), then target.</summary>
    private void PrepareBuffers()
    {
        int maxSources = _allSets.Select(s => s.Sources).DefaultIfEmpty(0).Max();
        int maxTargets = _allSets.Select(s => s.Targets).DefaultIfEmpty(0).Max();
        _active = new int[Math.Max(1, maxSources)];
        _amplitude = new double[Math.Max(1, maxSources)];
        _local = new int[Math.Max(1, maxSources)];
        _partial = new double[Math.Max(1, maxTargets)];
        _currents = new double[Math.Max(2, _options.TileColumns)];
        _squares = new double[Math.Max(2, _options.TileColumns)];
        if (!_options.IsLinearRead)
        {
            return;
        }
        int neurons = _network.NeuronCount;
        var counts = new int[neurons + 1];
        var staticSets = _staticSets.Select(t => _allSets[t]).ToArray();
        foreach (var set in staticSets)
        {
            for (int r = 0; r < set.Sources; r++)
            {
                for (int c = 0; c < set.Targets; c++)
                {
                    if (set.Used[(long)r * set.Targets + c])
                    {
                        counts[set.Projection.Source.Offset + r + 1]++;
                    }
                }
            }
        }
        for (int i = 1; i <= neurons; i++)
        {
            counts[i] += counts[i - 1];
        }
        _rowStart = (int[])counts.Clone();
        int total = counts[neurons];
        _column = new int[total];
        _weight = new float[total];
        _delay = new ushort[total];
        _entry = new int[_shortTerm is null ? 0 : total];
        var cursor = counts;
        foreach (var set in staticSets)
        {
            int receptor = set.Projection.Receptor == Receptor.Inhibitory ? neurons : 0;
            for (int r = 0; r < set.Sources; r++)
            {
                int source = set.Projection.Source.Offset + r;
                for (int c = 0; c < set.Targets; c++)
                {
                    if (set.Used[(long)r * set.Targets + c])
                    {
                        int at = cursor[source]++;
                        _column[at] = set.Projection.Target.Offset + c + receptor;
                        _weight[at] = (float)set.Weight(r, c);
                        _delay[at] = (ushort)set.DelaySteps;
                        if (_shortTerm is not null)
                        {
                            _entry[at] = _shortTerm.EntryOf(set.Projection, r);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The hardware cost of the run so far (see <see cref="CostReport"/>).</summary>
    public CostReport Cost()
    {
        var energy = _options.Energy;
        int bits = _options.AdcBits ?? 8;
        int tiles = TileCount;
        int extra = _tileSets.Sum(sets => sets.Skip(1).Sum(s => s.TileCount));
        long programmed = _allSets.Sum(s => 2L * s.Used.LongCount(u => u));
        int adcMux = Math.Min(_options.ColumnsPerAdc, _options.TileColumns / 2);
        double readLatency = _readSteps * (_options.ReadPulseWidth + adcMux * energy.AdcConversionTime);
        double neuronLatency = _core.Step * Math.Ceiling(_updatedNeurons / (double)energy.NeuronLanes) * energy.NeuronUpdateTime;
        double staticEnergy = energy.StaticPowerPerTile * tiles * (readLatency + neuronLatency);
        string adcSource = _options.AdcBits is null
            ? $"ideal ADC, costed as 8-bit: FoM {energy.AdcEnergyPerStep:E3} J/step × 2^8"
            : $"FoM {energy.AdcEnergyPerStep:E3} J/step × 2^{bits} (Walden scaling of ISAAC's measured 8-bit ADC)";
        var items = new List<CostItem>
        {
            new("tiles", tiles, "count", CostProvenance.Counted, $"{_options.TileRows}×{_options.TileColumns} cells, one tile set per projection and delay"),
            new("extra tiles for delays", extra, "count", CostProvenance.Counted, "tile sets beyond the first of each projection"),
            new("programmed cells", programmed, "count", CostProvenance.Counted, "two cells per synapse (differential pair)"),
            new("synaptic operations", _synapticOperations, "count", CostProvenance.Counted, "synapses of spiking sources"),
            new("tile reads", _tileReads, "count", CostProvenance.Counted, "tiles with at least one active row"),
            new("cell reads", _cellReads, "count", CostProvenance.Counted, "active rows × mapped bit lines"),
            new("ADC conversions", _conversions, "count", CostProvenance.Counted, "one per mapped weight column per tile read"),
            new("neuron updates", _neuronUpdates, "count", CostProvenance.Counted, "digital periphery, every neuron every step"),
            new("spikes", _spikeCount, "count", CostProvenance.Counted, "all populations"),
            new("cell read energy", _cellEnergy, "J", CostProvenance.Modelled, $"V²·G·t with V = {_options.ReadVoltage} V, t = {_options.ReadPulseWidth:E2} s, G of the cells read"),
            new("row driver energy", _rowActivations * energy.RowDriverEnergy, "J", CostProvenance.PreSilicon, $"{energy.RowDriverEnergy:E3} J per row pulse (ISAAC DAC estimate)"),
            new("ADC energy", _conversions * energy.AdcEnergyPerStep * Math.Pow(2, bits), "J", CostProvenance.Modelled, adcSource),
            new("accumulate energy", _conversions * energy.AccumulateEnergy, "J", CostProvenance.Measured, $"{energy.AccumulateEnergy:E3} J per add (Horowitz ISSCC 2014, 45 nm)"),
            new("neuron update energy", _neuronUpdates * energy.NeuronUpdateEnergy, "J", CostProvenance.Measured, $"{energy.NeuronUpdateEnergy:E3} J per update (Horowitz ISSCC 2014 arithmetic, 45 nm)"),
            new("short-term updates", _shortTermUpdates, "count", CostProvenance.Counted, "u and x of one source of one projection with short-term plasticity advanced at its spike"),
            new("short-term update energy", _shortTermUpdates * energy.ShortTermUpdateEnergy, "J", CostProvenance.Measured,
                $"{energy.ShortTermUpdateEnergy:E3} J per update (Horowitz ISSCC 2014 arithmetic, 45 nm; exponentials by table lookup)"),
            new("programming requests", _programmer.Requests, "count", CostProvenance.Counted, "weight changes requested by plasticity rules"),
            new("programming pulses", ProgrammingPulses, "count", CostProvenance.Counted,
                $"{_programmer.PotentiationPulses} potentiation, {_programmer.DepressionPulses} depression, {_programmer.ResetPulses} reset ({_programmer.Refreshes} refreshes)"),
            new("programming energy", _programmer.Energy, "J", CostProvenance.Modelled, ProgrammingSource()),
            new("static energy", staticEnergy, "J", CostProvenance.PreSilicon, $"{energy.StaticPowerPerTile:E3} W per tile × latency"),
            new("read latency", readLatency, "s", CostProvenance.Modelled, $"per step with reads: pulse + {adcMux} muxed conversions × {energy.AdcConversionTime:E2} s"),
            new("neuron latency", neuronLatency, "s", CostProvenance.Modelled, $"per step: ⌈neurons/{energy.NeuronLanes}⌉ × {energy.NeuronUpdateTime:E2} s"),
        };
        return new CostReport
        {
            Tiles = tiles,
            ExtraDelayTiles = extra,
            ProgrammedCells = programmed,
            Steps = _core.Step,
            TileReads = _tileReads,
            RowActivations = _rowActivations,
            CellReads = _cellReads,
            AdcConversions = _conversions,
            SynapticOperations = _synapticOperations,
            NeuronUpdates = _neuronUpdates,
            ShortTermUpdates = _shortTermUpdates,
            Spikes = _spikeCount,
            ProgrammingRequests = _programmer.Requests,
            ProgrammingPulses = ProgrammingPulses,
            Items = items,
        };
    }

    private long ProgrammingPulses => _programmer.PotentiationPulses + _programmer.DepressionPulses + _programmer.ResetPulses;

    private string ProgrammingSource()
    {
        var update = _options.Device.Update;
        return $"V²·(G_before + G_after)/2·t per pulse (NeuroSim's cell write energy; wire and half-selected cells excluded), "
            + $"{update.PotentiationVoltage} V × {update.PotentiationPulseWidth:E2} s up, {update.DepressionVoltage} V × {update.DepressionPulseWidth:E2} s down: "
            + $"{update.Name} ({update.Source})";
    }

    /// <inheritdoc />
    public void DiscardSpikes(double untilMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _core.DiscardSpikes(untilMs);
    }

    /// <inheritdoc />
    public SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs = 0)
    {
        CheckMonitor(monitor);
        return _core.GetSpikes(monitor, sinceMs);
    }

    /// <inheritdoc />
    public RateRecord GetRate(RateMonitor monitor)
    {
        CheckMonitor(monitor);
        return _core.GetRate(monitor);
    }

    /// <inheritdoc />
    public StateRecord GetState(StateMonitor monitor)
    {
        CheckMonitor(monitor);
        return ((StateMonitorBuffer)_core.StateRecorderOf(monitor)).ToRecord(_network.Dt);
    }

    /// <inheritdoc />
    public double GetModulator(Modulator modulator)
    {
        SimulationChecks.Modulator(_network, modulator);
        return _core.Modulators.Get(modulator);
    }

    /// <inheritdoc />
    public void SetModulator(Modulator modulator, double value)
    {
        SimulationChecks.Modulator(_network, modulator);
        Guard.Finite(value, nameof(value));
        _core.Modulators.Set(modulator, value);
    }

    /// <summary>The weights the chip realises at inference time, one per synapse in generation order
    /// (multapses of one delay report their shared cell pair's weight); no read noise, wire drop or ADC.
    /// For a plastic projection, the weights its cells hold now.</summary>
    public float[] GetWeights(Projection projection)
    {
        CheckProjection(projection);
        if (_core.PlasticOf(projection) is { } plastic)
        {
            return plastic.GetWeights();
        }
        var table = _tables[projection.Index];
        var sets = _tileSets[projection.Index];
        var weights = new float[table.Count];
        for (int s = 0; s < table.Count; s++)
        {
            var set = sets.First(t => t.DelaySteps == table.DelaySteps[s]);
            weights[s] = (float)set.Weight(table.Sources[s], table.Targets[s]);
        }
        return weights;
    }

    /// <summary>Reprograms <paramref name="projection"/> with new target weights (same order and count as
    /// <see cref="Projection.Instantiate"/>) by a full write, as at compile time; the chip's device draws stay
    /// those of its cells. A plastic projection keeps its rule state and continues from the new cells.</summary>
    public void SetWeights(Projection projection, ReadOnlySpan<float> weights)
    {
        CheckProjection(projection);
        var table = _tables[projection.Index];
        if (weights.Length != table.Count)
        {
            throw new ArgumentException($"weights has {weights.Length} values; projection {projection.Name} has {table.Count} synapses.", nameof(weights));
        }
        for (int s = 0; s < weights.Length; s++)
        {
            if (!float.IsFinite(weights[s]))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weights[s], $"weights[{s}] = {weights[s]} must be finite.");
            }
        }
        var updated = new SynapseTable(table.Sources, table.Targets, weights.ToArray(), table.DelaySteps);
        _tables[projection.Index] = updated;
        _tileSets[projection.Index] = ProjectionMapper.Map(projection, updated, _options, _key, null);
        if (_cells[projection.Index] is { } cells)
        {
            _core.PlasticOf(projection)!.SetWeights(cells.Attach(_tileSets[projection.Index]));
        }
        IndexTileSets();
        PrepareBuffers();
    }

    private void CheckMonitor(NeuronMonitor monitor) => SimulationChecks.Monitor(_network, monitor, _disposed, this);

    private void CheckProjection(Projection projection) => SimulationChecks.Projection(_network, projection, _disposed, this);

    /// <inheritdoc />
    public void Dispose() => _disposed = true;
}
