using System.Runtime.InteropServices;
using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;
using Snn.Tests.Shared.Conformance;

namespace Snn.Backends.Tests.Mpi;

/// <summary>
/// A conformance scenario compiled on the MPI engine in a job of its own under <c>mpirun</c>
/// (<see cref="MpirunScenarioJob"/>): every call is made on every rank and answered by rank 0, so the
/// conformance tests drive the distributed engine through <see cref="ISimulation"/> and its capability
/// interfaces as they drive an in-process engine. It forwards every capability and, when the job
/// starts, checks that the served simulation implements exactly these, that the MPI backend claims
/// what <paramref name="claimed"/> says, and that the network the ranks built has the shape of
/// <paramref name="network"/>.
/// </summary>
/// <param name="ranks">MPI ranks of the job.</param>
/// <param name="network">The test's copy of the scenario network, whose monitors and projections the calls name.</param>
/// <param name="recipe">The recipe that built <paramref name="network"/>; every rank builds its own copy from it.</param>
/// <param name="claimed">What the test backend says the MPI backend claims.</param>
internal sealed class MpirunSimulation : ICheckpointing, IModulation, IWeightWriting, IWeightRecording, ISpikeDiscarding
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private readonly MpirunScenarioJob _job;

    public MpirunSimulation(int ranks, Network network, ScenarioRecipe recipe, SimulationCapabilities claimed)
    {
        Network = network;
        _job = new MpirunScenarioJob(ranks, recipe, Deadline);
        var ready = _job.Ready;
        if (!ready.Shape.SequenceEqual(ScenarioReply.ShapeOf(network)) || ready.BackendCapabilities != claimed
            || ready.SimulationCapabilities != this.Capabilities())
        {
            _job.Dispose();
            throw new InvalidOperationException($"The ranks built a network of shape [{string.Join(", ", ready.Shape)}] and claim {ready.BackendCapabilities} "
                + $"and implement {ready.SimulationCapabilities}; the test expected [{string.Join(", ", ScenarioReply.ShapeOf(network))}], {claimed} and {this.Capabilities()}.");
        }
        StepCount = ready.StepCount;
    }

    /// <inheritdoc />
    public Network Network { get; }

    /// <inheritdoc />
    public long StepCount { get; private set; }

    /// <inheritdoc />
    public double TimeMs => StepCount * Network.Dt;

    /// <inheritdoc />
    public void Run(double durationMs) => Call(new ScenarioRequest(ScenarioRequest.Run, Value: durationMs));

    /// <inheritdoc />
    public SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs = 0)
        => Call(new ScenarioRequest(ScenarioRequest.Spikes, MonitorIndex(monitor), sinceMs)).ToSpikeRecord();

    /// <inheritdoc />
    public void DiscardSpikes(double untilMs) => Call(new ScenarioRequest(ScenarioRequest.Discard, Value: untilMs));

    /// <inheritdoc />
    public StateRecord GetState(StateMonitor monitor) => Call(new ScenarioRequest(ScenarioRequest.State, MonitorIndex(monitor))).ToStateRecord();

    /// <inheritdoc />
    public RateRecord GetRate(RateMonitor monitor) => Call(new ScenarioRequest(ScenarioRequest.Rate, MonitorIndex(monitor))).ToRateRecord();

    /// <inheritdoc />
    public float[] GetWeights(Projection projection) => Call(new ScenarioRequest(ScenarioRequest.Weights, projection.Index)).ToWeights();

    /// <inheritdoc />
    public void SetWeights(Projection projection, ReadOnlySpan<float> weights)
    {
        var bytes = MemoryMarshal.AsBytes(weights).ToArray();
        ThroughFile(path =>
        {
            File.WriteAllBytes(path, bytes);
            Call(new ScenarioRequest(ScenarioRequest.SetWeights, projection.Index, Path: path));
        });
    }

    /// <inheritdoc />
    public WeightRecord GetWeights(WeightMonitor monitor)
        => Call(new ScenarioRequest(ScenarioRequest.WeightRecord, IndexIn(Network.WeightMonitors, monitor))).ToWeightRecord();

    /// <inheritdoc />
    public double GetModulator(Modulator modulator) => Call(new ScenarioRequest(ScenarioRequest.Modulator, modulator.Index)).ToModulator();

    /// <inheritdoc />
    public void SetModulator(Modulator modulator, double value) => Call(new ScenarioRequest(ScenarioRequest.SetModulator, modulator.Index, value));

    /// <summary>Saves the checkpoint every rank writes to a temporary file, then copies it into <paramref name="stream"/>.</summary>
    public void SaveCheckpoint(Stream stream) => ThroughFile(path =>
    {
        Call(new ScenarioRequest(ScenarioRequest.Save, Path: path));
        using var file = File.OpenRead(path);
        file.CopyTo(stream);
    });

    /// <summary>Copies <paramref name="stream"/> into a temporary file that the ranks restore.</summary>
    public void RestoreCheckpoint(Stream stream) => ThroughFile(path =>
    {
        using (var file = File.Create(path))
        {
            stream.CopyTo(file);
        }
        Call(new ScenarioRequest(ScenarioRequest.Restore, Path: path));
    });

    /// <inheritdoc />
    public void Dispose() => _job.Dispose();

    private ScenarioReply Call(ScenarioRequest request)
    {
        var reply = _job.Call(request);
        StepCount = reply.StepCount;
        return reply;
    }

    private int MonitorIndex(NeuronMonitor monitor) => IndexIn(Network.Monitors, monitor);

    private static int IndexIn<T>(IReadOnlyList<T> list, T item) where T : class
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], item))
            {
                return i;
            }
        }
        throw new ArgumentException("The monitor is not one of this simulation's network.", nameof(item));
    }

    /// <summary>Runs <paramref name="action"/> on a fresh temporary file that the ranks read or write, and deletes it.</summary>
    private static void ThroughFile(Action<string> action)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"snn-mpirun-{Guid.NewGuid():N}.bin");
        try
        {
            action(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
