namespace Snn.Core.Simulation;

/// <summary>What an engine can do beyond the <see cref="ISimulation"/> contract; each flag is one
/// capability interface its simulations implement.</summary>
[Flags]
public enum SimulationCapabilities
{
    /// <summary>Only the <see cref="ISimulation"/> contract.</summary>
    None = 0,

    /// <summary>Checkpoints (<see cref="ICheckpointing"/>).</summary>
    Checkpoints = 1,

    /// <summary>Neuromodulators (<see cref="IModulation"/>).</summary>
    Modulators = 2,

    /// <summary>Reading weights (<see cref="IWeightReading"/>).</summary>
    WeightReading = 4,

    /// <summary>Weight monitors (<see cref="IWeightRecording"/>).</summary>
    WeightMonitors = 8,

    /// <summary>Freeing recorded spikes (<see cref="ISpikeDiscarding"/>).</summary>
    SpikeDiscarding = 16,

    /// <summary>Replacing weights (<see cref="IWeightWriting"/>).</summary>
    WeightWriting = 32,
}
