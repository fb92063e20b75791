using System.Runtime.InteropServices;
using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;
using Snn.Tests.Shared.Conformance;

namespace Snn.Backends.Tests.Mpi;

/// <summary>
/// A conformance scenario compiled on the MPI engine by the job of its rank count under <c>mpirun</c>
/// (<see cref="MpirunScenarioJob"/>): every call is made on every rank and answered by rank 0, so the
/// conformance tests drive the distributed engine through <see cref="ISimulation"/> and its capability
/// interfaces as they drive an in-process engine. It forwards every capability and, when compiled,
/// checks that the served simulation implements exactly these, that the MPI backend claims what the
/// test backend says, and that the network the ranks built has the shape of the test's copy.
/// </summary>
internal sealed class MpirunSimulation : ICheckpointing, IModulation, IWeightWriting, IWeightRecording, ISpikeDiscarding
{
    private static int _compiled;

    private readonly MpirunScenarioJob _job;
    private readonly int _id = Interlocked.Increment(ref _compiled);

    /// <summary>Compiles <paramref name="recipe"/>'s scenario in the job on <paramref name="ranks"/> ranks.</summary>
    /// <param name="ranks">MPI ranks of the job.</param>
    /// <param name="network">The test's copy of the scenario network, whose monitors and projections the calls name.</param>
    /// <param name="recipe">The recipe that built <paramref name="network"/>; every rank builds its own copy from it.</param>
    /// <param name="claimed">What the test backend says the MPI backend claims.</param>
    public MpirunSimulation(int ranks, Network network, ScenarioRecipe recipe, SimulationCapabilities claimed)
    {
        Network = network;
        _job = MpirunScenarioJob.For(ranks);
        var compiled = Call(new ScenarioRequest(ScenarioRequest.Compile, Recipe: recipe));
        if (!compiled.Shape.SequenceEqual(ScenarioReply.ShapeOf(network)) || _job.Ready.BackendCapabilities != claimed
            || compiled.SimulationCapabilities != this.Capabilities())
        {
            Dispose();
            throw new InvalidOperationException($"The ranks built a network of shape [{string.Join(", ", compiled.Shape)}] and claim {_job.Ready.BackendCapabilities} "
                + $"and implement {compiled.SimulationCapabilities}; the test expected [{string.Join(", ", ScenarioReply.ShapeOf(network))}], {claimed} and {this.Capabilities()}.");
        }
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
        => Call(new ScenarioRequest(ScenarioRequest.Spikes, Index: MonitorIndex(monitor), Value: sinceMs)).ToSpikeRecord();

    /// <inheritdoc />
    public void DiscardSpikes(double untilMs) => Call(new ScenarioRequest(ScenarioRequest.Discard, Value: untilMs));

    /// <inheritdoc />
    public StateRecord GetState(StateMonitor monitor) => Call(new ScenarioRequest(ScenarioRequest.State, Index: MonitorIndex(monitor))).ToStateRecord();

    /// <inheritdoc />
    public RateRecord GetRate(RateMonitor monitor) => Call(new ScenarioRequest(ScenarioRequest.Rate, Index: MonitorIndex(monitor))).ToRateRecord();

    /// <inheritdoc />
    public float[] GetWeights(Projection projection) => Call(new ScenarioRequest(ScenarioRequest.Weights, Index: projection.Index)).ToWeights();

    /// <inheritdoc />
    public void SetWeights(Projection projection, ReadOnlySpan<float> weights)
    {
        var bytes = MemoryMarshal.AsBytes(weights).ToArray();
        ThroughFile(path =>
        {
            File.WriteAllBytes(path, bytes);
            Call(new ScenarioRequest(ScenarioRequest.SetWeights, Index: projection.Index, Path: path));
        });
    }

    /// <inheritdoc />
    public WeightRecord GetWeights(WeightMonitor monitor)
        => Call(new ScenarioRequest(ScenarioRequest.WeightRecord, Index: IndexIn(Network.WeightMonitors, monitor))).ToWeightRecord();

    /// <inheritdoc />
    public double GetModulator(Modulator modulator) => Call(new ScenarioRequest(ScenarioRequest.Modulator, Index: modulator.Index)).ToModulator();

    /// <inheritdoc />
    public void SetModulator(Modulator modulator, double value) => Call(new ScenarioRequest(ScenarioRequest.SetModulator, Index: modulator.Index, Value: value));

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
    /// <summary>Frees the simulation on the ranks, unless its job has already ended.</summary>
    public void Dispose()
    {
        if (!_job.HasEnded)
        {
            Call(new ScenarioRequest(ScenarioRequest.Dispose));
        }
    }

    private ScenarioReply Call(ScenarioRequest request)
    {
        var reply = _job.Call(request with { Simulation = _id });
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
