using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Simulation;

namespace Snn.Fuzz.Tests;

/// <summary>
/// A small CPU simulation whose checkpoints are fuzzed: two recorded populations, a projection,
/// a state monitor and pending spikes, run for 20 ms before its seed checkpoint is taken.
/// </summary>
public sealed class CheckpointTarget
{
    private readonly ISimulation _simulation;
    private readonly object _gate = new();

    /// <summary>Builds and runs the simulation and takes the seed checkpoint.</summary>
    public CheckpointTarget()
    {
        var network = new Network(seed: 7);
        var input = network.AddPoissonInput("in", 20, 200);
        var exc = network.AddPopulation("exc", 30, new LifCurrent { TauM = 10, VThreshold = -55, VReset = -65, EL = -65 });
        network.Connect(input, exc, Connectivity.Probability(0.3), Synapse.Excitatory(weight: 300, delay: 1.5));
        network.RecordSpikes(input);
        network.RecordSpikes(exc);
        network.RecordState(exc, StateVariable.V, [0, 1, 2], intervalMs: 1);
        _simulation = new CpuBackend().Compile(network);
        _simulation.Run(20);
        var stream = new MemoryStream();
        _simulation.SaveCheckpoint(stream);
        Seed = stream.ToArray();
    }

    /// <summary>The valid checkpoint mutants start from.</summary>
    public byte[] Seed { get; }

    /// <summary>Restores the checkpoint file at <paramref name="path"/> into the simulation.</summary>
    public void Restore(string path)
    {
        lock (_gate)
        {
            _simulation.RestoreCheckpoint(path);
        }
    }
}
