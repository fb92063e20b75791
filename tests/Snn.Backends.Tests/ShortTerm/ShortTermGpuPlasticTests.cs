using System.Buffers.Binary;
using Snn.Backends.Checkpointing;
using Snn.Backends.Gpu;
using Snn.Backends.Tests.Gpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.ShortTerm;

/// <summary>
/// Short-term plasticity on plastic projections on the GPU engine (ILGPU's CPU accelerator): a
/// learning synapse transmits the rule's current weight times u·x as the integrated model says and
/// as the CPU engine does bit for bit; STDP with depressing or facilitating short-term plasticity,
/// modulated or not, gives the CPU engine's spikes, currents, weights and weight snapshots; a
/// checkpoint moves between the engines mid-run and continues identically; a checkpoint with a
/// short-term factor out of range is refused by byte offset and changes nothing.
/// </summary>
public class ShortTermGpuPlasticTests
{
    private const double Dt = 0.25;
    private const int Sources = 16;

    private sealed record Probe(Network Network, Projection Plastic, SpikeMonitor Spikes, StateMonitor Current, StateMonitor Mirror,
        WeightMonitor Weights, Modulator Modulator, double[][] Trains);

    /// <summary>
    /// 16 replayed sources, each firing at its own residue of the step modulo 17 (so no two sources
    /// fire in one step) on a random subset of those steps (so each has irregular intervals), through
    /// one delay of 1 ms: every target gets at most one arrival per step, and no float sum depends on
    /// the order of atomic adds. A plastic all-to-all projection under <see cref="TestStdp"/> onto 8
    /// LIF targets driven to fire by a DC current carries <paramref name="shortTerm"/>; a static one
    /// onto 2 "mirror" neurons carries a depressing one, so the plastic projection's entries do not
    /// start at 1. With <paramref name="modulated"/> the rule has a periodic update and a modulator
    /// that follows the targets' spikes.
    /// </summary>
    private static Probe Build(ShortTermPlasticity? shortTerm, bool modulated, double durationMs = 60)
    {
        var network = new Network(3, Dt);
        var random = new Random(8);
        long periods = (long)(durationMs / Dt) / (Sources + 1);
        var trains = Enumerable.Range(0, Sources).Select(i =>
            Enumerable.Range(0, (int)periods).Where(_ => random.Next(10) < 6).Select(m => (i + 1 + m * (Sources + 1)) * Dt).ToArray()).ToArray();
        var sources = network.AddSpikeSource("sources", trains);
        var targets = network.AddPopulation("targets", 8, new LifCurrent { TauM = 10, RefractoryPeriod = 1 });
        var mirror = network.AddPopulation("mirror", 2, new LifCurrent { TauSynE = 1e9, VThreshold = 1e6 });
        network.Inject(targets, new DcCurrent(400));
        var modulator = network.AddModulator("reward", tauMs: 5, baseline: 0.01, source: targets, gainPerSpike: 0.05);
        network.Connect(sources, mirror, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Uniform(5, 20), 1.0))
            .WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.4, 80));
        var plastic = network.Connect(sources, targets, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Uniform(50, 150), 1.0));
        if (modulated)
        {
            plastic.WithPlasticity(new TestStdp { PeriodMs = 1 }, modulator);
        }
        else
        {
            plastic.WithPlasticity(new TestStdp());
        }
        if (shortTerm is { } value)
        {
            plastic.WithShortTermPlasticity(value);
        }
        return new Probe(network, plastic, network.RecordSpikes(targets), network.RecordState(targets, StateVariable.SynE),
            network.RecordState(mirror, StateVariable.SynE), network.RecordWeights(plastic, intervalMs: 2), modulator, trains);
    }

    private static void AssertSameRun(ISimulation expected, ISimulation actual, Probe probe)
    {
        Assert.Equal(expected.StepCount, actual.StepCount);
        SimulationHelpers.AssertSameSpikes(expected.GetSpikes(probe.Spikes), actual.GetSpikes(probe.Spikes));
        SimulationHelpers.AssertSameStates(expected.GetState(probe.Current), actual.GetState(probe.Current));
        SimulationHelpers.AssertSameStates(expected.GetState(probe.Mirror), actual.GetState(probe.Mirror));
        SimulationHelpers.AssertBitIdentical(expected.GetWeights(probe.Plastic), actual.GetWeights(probe.Plastic));
        Assert.Equal(expected.GetModulator(probe.Modulator), actual.GetModulator(probe.Modulator));
    }

    /// <summary>A plastic projection with short-term plasticity transmits the rule's current weight
    /// times u·x: with a rule that adds a known increment on each arrival, spike n carries
    /// (w₀ + (n + 1)·Δ)·u_n·x_n (the integrated model), and the current equals the CPU engine's bit for
    /// bit, also with a delay (5 ms) longer than an interval of the train, so that several spikes travel at once.</summary>
    [Theory]
    [InlineData(0.1)]
    [InlineData(5.0)]
    public void PlasticWeightIsScaledByTheShortTermFactorAsOnTheCpuEngine(double delayMs)
    {
        const double weight = 10;
        const double increment = 0.25;
        double[] times = [10, 10.3, 12.3, 27.3, 67.3, 67.8, 75.8, 135.8, 138.8, 163.8];
        var stp = new ShortTermPlasticity(0.3, 80, 200);
        var (cpuNetwork, cpuCurrent) = ShortTermProbe.Build(times, weight, stp, delayMs, p => p.WithPlasticity(new AddOnArrival { Increment = increment }));
        var (gpuNetwork, gpuCurrent) = ShortTermProbe.Build(times, weight, stp, delayMs, p => p.WithPlasticity(new AddOnArrival { Increment = increment }));
        double duration = times[^1] + delayMs + 1;
        using var cpu = SimulationHelpers.Run(cpuNetwork, duration);
        using var gpu = GpuTestSupport.Compile(gpuNetwork, CpuEmulationPreset.Default);
        gpu.Run(duration);

        var expected = ShortTermProbe.Integrate(times, weight, 0.3, 80, 200, n => weight + (n + 1) * increment);
        ShortTermProbe.AssertClose(expected, ShortTermProbe.Amplitudes(gpu, gpuCurrent, times.Length), 1e-4, $"gpu, plastic, delay {delayMs} ms");
        SimulationHelpers.AssertSameStates(cpu.GetState(cpuCurrent), gpu.GetState(gpuCurrent));
        SimulationHelpers.AssertBitIdentical(cpu.GetWeights(cpuNetwork.Projections[0]), gpu.GetWeights(gpuNetwork.Projections[0]));
    }

    public static TheoryData<string, bool, CpuEmulationPreset> Kinds => new()
    {
        { "depressing", false, CpuEmulationPreset.Default },
        { "facilitating", true, CpuEmulationPreset.Nvidia },
    };

    private static ShortTermPlasticity Kind(string kind)
        => kind == "depressing" ? ShortTermPlasticity.Depressing(0.5, 100) : ShortTermPlasticity.Facilitating(0.1, 50, 200);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void StdpWithShortTermPlasticityGivesTheCpuEnginesSpikesCurrentsAndWeights(string kind, bool modulated, CpuEmulationPreset preset)
    {
        var probe = Build(Kind(kind), modulated);
        using var cpu = SimulationHelpers.Run(probe.Network, 60);
        using var gpu = GpuTestSupport.Compile(probe.Network, preset);
        gpu.Run(60);

        Assert.True(cpu.GetSpikes(probe.Spikes).Count > 20, $"the targets are nearly silent ({cpu.GetSpikes(probe.Spikes).Count} spikes)");
        Assert.NotEqual(probe.Network.Projections[1].Instantiate().Weights, cpu.GetWeights(probe.Plastic));
        AssertSameRun(cpu, gpu, probe);
        var expectedSnapshots = cpu.GetWeights(probe.Weights);
        var actualSnapshots = gpu.GetWeights(probe.Weights);
        Assert.Equal(expectedSnapshots.Times, actualSnapshots.Times);
        for (int s = 0; s < expectedSnapshots.Snapshots.Length; s++)
        {
            SimulationHelpers.AssertBitIdentical(expectedSnapshots.Snapshots[s], actualSnapshots.Snapshots[s]);
        }

        var without = Build(null, modulated);
        using var plain = SimulationHelpers.Run(without.Network, 60);
        Assert.NotEqual(plain.GetState(without.Current).Values.SelectMany(v => v), cpu.GetState(probe.Current).Values.SelectMany(v => v));
    }

    /// <summary>A checkpoint taken on the GPU mid-run, two steps after a source fired (so its spike is
    /// still travelling to the plastic synapses, 4 steps away), continues on the CPU engine as the uninterrupted run; one taken on the CPU continues
    /// on the GPU the same way.</summary>
    [Fact]
    public void CheckpointsMoveBetweenTheGpuAndCpuEnginesMidRun()
    {
        var probe = Build(Kind("facilitating"), modulated: true);
        double saveAt = probe.Trains.SelectMany(t => t).Where(t => t >= 30).Min() + 2 * Dt;
        using var whole = SimulationHelpers.Run(probe.Network, 60);

        using var gpu = GpuTestSupport.Compile(probe.Network, CpuEmulationPreset.Default);
        gpu.Run(saveAt);
        using var fromGpu = new MemoryStream();
        gpu.SaveCheckpoint(fromGpu);
        using var cpu = SimulationHelpers.Compile(probe.Network);
        cpu.RestoreCheckpoint(new MemoryStream(fromGpu.ToArray()));
        cpu.Run(60 - saveAt);
        AssertSameRun(whole, cpu, probe);

        using var half = SimulationHelpers.Run(probe.Network, saveAt);
        using var fromCpu = new MemoryStream();
        half.SaveCheckpoint(fromCpu);
        using var resumed = GpuTestSupport.Compile(probe.Network, CpuEmulationPreset.Default);
        resumed.RestoreCheckpoint(new MemoryStream(fromCpu.ToArray()));
        resumed.Run(60 - saveAt);
        AssertSameRun(whole, resumed, probe);
    }

    /// <summary>The last value of a GPU checkpoint (before its 8-byte checksum) is the short-term factor
    /// of the last entry in the last ring slot; set to 2 with a valid checksum, the checkpoint is
    /// refused naming that byte, and the run goes on as if never asked.</summary>
    [Fact]
    public void ACheckpointWithAShortTermFactorAboveOneIsRefusedByOffsetAndChangesNothing()
    {
        var probe = Build(Kind("depressing"), modulated: false, durationMs: 30);
        using var whole = SimulationHelpers.Run(probe.Network, 30);
        using var gpu = GpuTestSupport.Compile(probe.Network, CpuEmulationPreset.Default);
        gpu.Run(15);
        using var saved = new MemoryStream();
        gpu.SaveCheckpoint(saved);
        var bytes = saved.ToArray();
        int body = bytes.Length - sizeof(ulong);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(body - sizeof(float)), 2f);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(body), Fnv1a.Hash(bytes.AsSpan(0, body)));
        gpu.Run(5);

        var error = Assert.Throws<InvalidDataException>(() => gpu.RestoreCheckpoint(new MemoryStream(bytes)));

        Assert.Contains($"at byte {body - sizeof(float)}", error.Message);
        Assert.Contains("short-term factor", error.Message);
        gpu.Run(10);
        AssertSameRun(whole, gpu, probe);
    }

    /// <summary>Without a GPU, ILGPU's PTX and OpenCL back ends compile the plastic arrivals that read
    /// the short-term factors, with the short-term kernels.</summary>
    [Theory]
    [InlineData(GpuKernelLanguage.Ptx, ".entry")]
    [InlineData(GpuKernelLanguage.OpenClC, "kernel void")]
    public void PlasticArrivalsWithShortTermFactorsCompileForGpus(GpuKernelLanguage language, string entryMarker)
    {
        var sources = GpuBackend.GenerateKernelSource(Build(Kind("depressing"), modulated: true).Network, language);
        foreach (string kernel in new[] { "Emit", "Deliver", $"Arrivals<{nameof(TestStdp)}>" })
        {
            var source = Assert.Single(sources, s => s.Kernel == kernel);
            Assert.Contains(entryMarker, source.Source);
        }
    }
}
