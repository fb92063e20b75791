using Snn.Core.Monitors;
using Snn.Core.Plasticity;

namespace Snn.Core.Simulation;

/// <summary>
/// Capability calls on any <see cref="ISimulation"/>: each forwards to the capability interface the
/// engine implements, or throws <see cref="NotSupportedException"/> naming the engine and the missing
/// capability. Ask <see cref="IBackend.Capabilities"/> (or <see cref="Supports"/>) before compiling to
/// know in advance.
/// </summary>
public static class SimulationCapabilityExtensions
{
    /// <summary>Whether <paramref name="backend"/>'s simulations have every capability in <paramref name="capabilities"/>.</summary>
    public static bool Supports(this IBackend backend, SimulationCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return (backend.Capabilities & capabilities) == capabilities;
    }

    /// <summary>The capabilities <paramref name="simulation"/> implements.</summary>
    public static SimulationCapabilities Capabilities(this ISimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var capabilities = SimulationCapabilities.None;
        capabilities |= simulation is ICheckpointing ? SimulationCapabilities.Checkpoints : 0;
        capabilities |= simulation is IModulation ? SimulationCapabilities.Modulators : 0;
        capabilities |= simulation is IWeightReading ? SimulationCapabilities.WeightReading : 0;
        capabilities |= simulation is IWeightWriting ? SimulationCapabilities.WeightWriting : 0;
        capabilities |= simulation is IWeightRecording ? SimulationCapabilities.WeightMonitors : 0;
        capabilities |= simulation is ISpikeDiscarding ? SimulationCapabilities.SpikeDiscarding : 0;
        return capabilities;
    }

    /// <summary>See <see cref="IWeightReading.GetWeights"/>.</summary>
    public static float[] GetWeights(this ISimulation simulation, Projection projection)
        => Require<IWeightReading>(simulation, "cannot read weights").GetWeights(projection);

    /// <summary>See <see cref="IWeightWriting.SetWeights"/>.</summary>
    public static void SetWeights(this ISimulation simulation, Projection projection, ReadOnlySpan<float> weights)
        => Require<IWeightWriting>(simulation, "cannot replace weights").SetWeights(projection, weights);

    /// <summary>See <see cref="IWeightRecording.GetWeights"/>.</summary>
    public static WeightRecord GetWeights(this ISimulation simulation, WeightMonitor monitor)
        => Require<IWeightRecording>(simulation, "has no weight monitors; read GetWeights(projection) between runs instead").GetWeights(monitor);

    /// <summary>See <see cref="IModulation.GetModulator"/>.</summary>
    public static double GetModulator(this ISimulation simulation, Modulator modulator)
        => Require<IModulation>(simulation, "runs no neuromodulators").GetModulator(modulator);

    /// <summary>See <see cref="IModulation.SetModulator"/>.</summary>
    public static void SetModulator(this ISimulation simulation, Modulator modulator, double value)
        => Require<IModulation>(simulation, "runs no neuromodulators").SetModulator(modulator, value);

    /// <summary>See <see cref="ICheckpointing.SaveCheckpoint"/>.</summary>
    public static void SaveCheckpoint(this ISimulation simulation, Stream stream)
        => Require<ICheckpointing>(simulation, "does not write checkpoints").SaveCheckpoint(stream);

    /// <summary>See <see cref="ICheckpointing.RestoreCheckpoint"/>.</summary>
    public static void RestoreCheckpoint(this ISimulation simulation, Stream stream)
        => Require<ICheckpointing>(simulation, "does not restore checkpoints").RestoreCheckpoint(stream);

    /// <summary>See <see cref="ISpikeDiscarding.DiscardSpikes"/>.</summary>
    public static void DiscardSpikes(this ISimulation simulation, double untilMs)
        => Require<ISpikeDiscarding>(simulation,
            "cannot discard recorded spikes; read them with GetSpikes(monitor, sinceMs) instead, or use the CPU engine to stream them").DiscardSpikes(untilMs);

    private static T Require<T>(ISimulation simulation, string missing) where T : class
    {
        ArgumentNullException.ThrowIfNull(simulation);
        return simulation as T ?? throw new NotSupportedException($"{simulation.GetType().Name} {missing} (it does not implement {typeof(T).Name}).");
    }
}
