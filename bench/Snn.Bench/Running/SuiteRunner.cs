using System.Diagnostics;
using System.Globalization;
using Snn.Backends.Gpu;
using Snn.Backends.Mpi;
using Snn.Bench.Results;
using Snn.Bench.Suites;
using Snn.Core;

namespace Snn.Bench.Running;

/// <summary>
/// Builds, compiles and runs one suite and measures it.
/// <list type="bullet">
/// <item>Timings exclude JIT compilation: unless disabled, a small instance of the same suite runs
/// first, untimed.</item>
/// <item>Build time is the engine's <c>Compile</c> (synapse generation and layout); wall time is the
/// sum of the <c>Run</c> calls (the simulation runs in chunks of <see cref="SuiteRunOptions.ChunkMs"/>
/// so a progress bar can advance between them).</item>
/// <item>Bytes per synapse: the managed heap after <c>Compile</c> minus the heap before it (both
/// measured by <see cref="GC.GetTotalMemory(bool)"/> after a full blocking collection, with the network
/// description already built), divided by the synapse count. It includes the per-neuron state and
/// delay rings, so for sparse networks it slightly overstates the cost of a synapse alone.</item>
/// <item>Peak memory is the process's <see cref="Process.PeakWorkingSet64"/> after the run: in a run
/// of several suites it is the peak so far, not of this suite alone.</item>
/// <item>Synaptic events are counted exactly: the out-degree of each neuron (from the projections'
/// synapse tables, generated again after the run) summed over its spikes.</item>
/// <item>Energy: <see cref="SuiteRunOptions.PowerWatts"/> × wall time when given, else the RAPL
/// package counters read around the timed chunks (<see cref="RaplMeter"/>), else none; per synaptic
/// event it is divided by the exact event count. On the <c>mpi</c> engine it is this rank's
/// machine's (RAPL) or this rank's share (given power).</item>
/// <item>On the <c>mpi</c> engine every rank runs this method with the same arguments, so every rank
/// makes the same collective calls in the same order (compile, run, <see cref="MpiSimulation.GatherTimings"/>,
/// the suite's analysis); wall and build time, memory and the spikes are this rank's own
/// (every rank receives every spike), and the result adds each rank's compute and communication time.</item>
/// </list>
/// </summary>
public static class SuiteRunner
{
    private const int WarmUpSize = 500;
    private const double WarmUpMs = 20;

    /// <summary>Runs <paramref name="suite"/>; <paramref name="progress"/> receives the simulated time (ms) after each chunk.</summary>
    public static SuiteRun Run(BenchmarkSuite suite, SuiteRunOptions options, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.DurationMs > 0) || double.IsInfinity(options.DurationMs))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DurationMs, $"DurationMs = {options.DurationMs} must be finite and > 0.");
        }
        if (!(options.ChunkMs > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ChunkMs, $"ChunkMs = {options.ChunkMs} must be > 0.");
        }
        var backend = options.Engine ?? BackendFactory.Create(options.Backend, options.Threads, options.Session);
        if (options.WarmUp)
        {
            var warm = suite.Build(Math.Max(suite.MinimumSize, Math.Min(options.Size, WarmUpSize)), options.Seed);
            using var warmSimulation = backend.Compile(warm.Network);
            warmSimulation.Run(Math.Min(WarmUpMs, options.DurationMs));
        }

        var built = suite.Build(options.Size, options.Seed, options.InDegreeScale);
        var network = built.Network;
        long before = SettledHeap();
        var watch = Stopwatch.StartNew();
        using var simulation = backend.Compile(network);
        watch.Stop();
        double buildSeconds = watch.Elapsed.TotalSeconds;
        long after = SettledHeap();

        long steps = (long)Math.Round(options.DurationMs / network.Dt);
        long chunkSteps = Math.Max(1, (long)Math.Round(options.ChunkMs / network.Dt));
        long done = 0;
        long ticks = 0;
        var rapl = options.PowerWatts is null ? RaplMeter.TryOpen() : null;
        double raplJoules = 0;
        while (done < steps)
        {
            long now = Math.Min(chunkSteps, steps - done);
            var energyBefore = rapl?.Read();
            long start = Stopwatch.GetTimestamp();
            simulation.Run(now * network.Dt);
            ticks += Stopwatch.GetTimestamp() - start;
            if (rapl is not null)
            {
                raplJoules += rapl.JoulesBetween(energyBefore!, rapl.Read());
            }
            done += now;
            progress?.Invoke(done * network.Dt);
        }
        double wallSeconds = (double)ticks / Stopwatch.Frequency;
        double simulatedMs = steps * network.Dt;

        options.Inspect?.Invoke(simulation);
        var timings = simulation is MpiSimulation distributed ? distributed.GatherTimings() : null;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long peak = process.PeakWorkingSet64;

        var spikes = built.Spikes.Select(m => new PopulationSpikes(m.Population.Name, simulation.GetSpikes(m))).ToArray();
        var (synapses, outDegree) = CountSynapses(network);
        long spikeCount = 0;
        long events = 0;
        foreach (var population in spikes)
        {
            int offset = built.Network.Populations.First(p => p.Name == population.Population).Offset;
            spikeCount += population.Record.Count;
            foreach (int neuron in population.Record.Neurons)
            {
                events += outDegree[offset + neuron];
            }
        }
        int recorded = built.RecordedNeurons;
        double meanRate = recorded == 0 || simulatedMs <= 0 ? 0 : spikeCount / (recorded * simulatedMs / 1000.0);
        double safeWall = Math.Max(wallSeconds, 1e-12);
        var result = new SuiteResult(
            Suite: suite.Name,
            Backend: options.Backend.ToLowerInvariant(),
            Neurons: network.NeuronCount,
            Synapses: synapses,
            Threads: options.Threads,
            Seed: options.Seed,
            DtMs: network.Dt,
            SimulatedMs: simulatedMs,
            BuildSeconds: buildSeconds,
            WallSeconds: wallSeconds,
            Spikes: spikeCount,
            MeanRateHz: meanRate,
            SynapticEvents: events,
            SynapticEventsPerSecond: events / safeWall,
            NeuronUpdatesPerSecond: (double)network.NeuronCount * steps / safeWall,
            RealTimeFactor: wallSeconds / (simulatedMs / 1000.0),
            PeakWorkingSetBytes: peak,
            ManagedBytesAfterCompile: after,
            BytesPerSynapse: synapses == 0 ? 0 : (after - before) / (double)synapses,
            Energy: options.PowerWatts is double watts ? EnergyMeasurement.From(watts * wallSeconds, wallSeconds, events, EnergyMeasurement.GivenPower)
                : rapl is not null ? EnergyMeasurement.From(raplJoules, wallSeconds, events, EnergyMeasurement.Rapl)
                : null);
        var analysis = built.Analyze?.Invoke(simulation);
        var findings = new List<string>(analysis?.Findings ?? []);
        if (result.Energy is { } energy)
        {
            findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"energy ({energy.Source}): {energy.Joules:G4} J over {wallSeconds:G4} s ({energy.Watts:G4} W), {energy.JoulesPerSynapticEvent * 1e9:G4} nJ per synaptic event"));
        }
        if (simulation is MpiSimulation mpi && timings is not null)
        {
            result = result with { Ranks = mpi.Ranks, IntervalSteps = mpi.IntervalSteps, RankTimings = timings.Select(RankTiming.From).ToArray() };
            findings.Add(DescribeRanks(mpi, timings));
        }
        if (backend is GpuBackend)
        {
            findings.Add(DescribeAccelerator());
        }
        if (analysis is not null || findings.Count > 0)
        {
            result = result with { Metrics = analysis?.Metrics, Findings = findings };
        }
        return new SuiteRun(result, spikes, analysis);
    }

    /// <summary>The synapse count and each neuron's out-degree (network-wide index), from the projections' tables.</summary>
    public static (long Synapses, int[] OutDegree) CountSynapses(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var outDegree = new int[network.NeuronCount];
        long total = 0;
        foreach (var projection in network.Projections)
        {
            var table = projection.Instantiate();
            total += table.Count;
            int offset = projection.Source.Offset;
            foreach (int source in table.Sources)
            {
                outDegree[offset + source]++;
            }
        }
        return (total, outDegree);
    }

    /// <summary>The accelerators a <c>gpu</c> run may have used (the engine does not say which it took).</summary>
    private static string DescribeAccelerator()
    {
        var devices = IlgpuDevices.InAutoOrder();
        return devices.Count == 0
            ? "gpu: ILGPU lists no accelerator here"
            : $"gpu: GpuAccelerator.Auto, most likely on {devices[0]} (the first that ILGPU lists here: {string.Join(", ", devices)}; Auto falls back to the next when one cannot be opened, and GpuSimulation does not report the one it took)";
    }

    private static string DescribeRanks(MpiSimulation simulation, MpiRunTiming[] timings)
    {
        var slowest = timings.MaxBy(t => t.CommunicationShare);
        return string.Create(CultureInfo.InvariantCulture,
            $"mpi: {simulation.Ranks} ranks, spikes exchanged every {simulation.IntervalSteps} step(s) ({timings[0].Exchanges} exchanges); communication {slowest.CommunicationShare:P1} of rank {slowest.Rank}'s time (the most), {timings.Min(t => t.CommunicationShare):P1} at least");
    }

    private static long SettledHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
