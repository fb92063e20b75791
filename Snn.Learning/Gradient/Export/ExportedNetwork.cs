using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Learning.Gradient.Export;

/// <summary>
/// A <see cref="DelayNetwork"/> rebuilt as a Snn.Core <see cref="Network"/> for one input sample,
/// with monitors on every hidden layer and the readout membrane. Because every Snn.Core synapse
/// takes at least one step, trained delay d becomes d + 1 steps and layer l (0-based, the readout
/// being the last) lags the trained model by l + 1 steps: trained step t of layer l is simulated
/// step t + l + 1. The readers here undo that shift.
/// </summary>
public sealed class ExportedNetwork
{
    internal ExportedNetwork(Network network, SpikeSourcePopulation input, Population[] hidden, Population readout,
        SpikeMonitor[] hiddenSpikes, StateMonitor readoutMembrane, int steps)
    {
        Network = network;
        Input = input;
        Hidden = hidden;
        Readout = readout;
        HiddenSpikes = hiddenSpikes;
        ReadoutMembrane = readoutMembrane;
        Steps = steps;
    }

    /// <summary>The network description.</summary>
    public Network Network { get; }

    /// <summary>The input spike sources (one per channel).</summary>
    public SpikeSourcePopulation Input { get; }

    /// <summary>The hidden LIF populations (<see cref="Snn.Core.Models.DiscreteLif"/>).</summary>
    public IReadOnlyList<Population> Hidden { get; }

    /// <summary>The non-spiking readout population.</summary>
    public Population Readout { get; }

    /// <summary>Spike monitors of the hidden populations.</summary>
    public IReadOnlyList<SpikeMonitor> HiddenSpikes { get; }

    /// <summary>The readout membrane, sampled every step.</summary>
    public StateMonitor ReadoutMembrane { get; }

    /// <summary>Trained time steps of the sample.</summary>
    public int Steps { get; }

    /// <summary>Steps the readout lags the trained model (one per synapse layer).</summary>
    public int Lag => Hidden.Count + 1;

    /// <summary>Simulated time that covers every trained step (ms): (steps + lag) · dt.</summary>
    public double DurationMs => (Steps + Lag) * Network.Dt;

    /// <summary>The readout membrane as [steps, classes] in trained steps, from a simulation that ran
    /// at least <see cref="DurationMs"/>.</summary>
    public float[] ReadoutTrace(ISimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var record = simulation.GetState(ReadoutMembrane);
        int classes = Readout.Size;
        if (record.Values.Length < Steps + Lag)
        {
            throw new ArgumentException($"The simulation recorded {record.Values.Length} steps; reading the readout needs {Steps + Lag} (run {DurationMs} ms).", nameof(simulation));
        }
        var trace = new float[Steps * classes];
        for (int t = 0; t < Steps; t++)
        {
            record.Values[t + Lag].AsSpan(0, classes).CopyTo(trace.AsSpan(t * classes, classes));
        }
        return trace;
    }

    /// <summary>The spikes of hidden layer <paramref name="layer"/> as a [steps, neurons] 0/1 tensor in
    /// trained steps.</summary>
    public float[] HiddenSpikeTensor(ISimulation simulation, int layer)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        Snn.Core.Validation.Guard.InRange(layer, 0, Hidden.Count - 1, nameof(layer));
        var record = simulation.GetSpikes(HiddenSpikes[layer]);
        int size = Hidden[layer].Size;
        var tensor = new float[Steps * size];
        for (int s = 0; s < record.Steps.Length; s++)
        {
            long t = record.Steps[s] - 1 - (layer + 1);
            if (t >= 0 && t < Steps)
            {
                tensor[t * size + record.Neurons[s]] = 1f;
            }
        }
        return tensor;
    }
}
