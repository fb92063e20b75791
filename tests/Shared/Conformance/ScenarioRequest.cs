namespace Snn.Tests.Shared.Conformance;

/// <summary>One call on a scenario simulation served by another process (the MPI driver's <c>serve</c>
/// command), sent as one short JSON line; weights to write travel in a file of raw floats, so nothing is
/// rounded and no line is long.</summary>
/// <param name="Op">The call: one of the constants of this type.</param>
/// <param name="Simulation">The simulation called, by the number the test process gave it when compiling it.</param>
/// <param name="Index">The monitor, projection or modulator, by its index in the network's lists.</param>
/// <param name="Value">Milliseconds for <see cref="Run"/>, <see cref="Spikes"/> and <see cref="Discard"/>; the modulator's value for <see cref="SetModulator"/>.</param>
/// <param name="Path">The checkpoint file for <see cref="Save"/> and <see cref="Restore"/>; the file of the weights
/// (little-endian 32-bit floats) for <see cref="SetWeights"/>.</param>
/// <param name="Recipe">The scenario to build for <see cref="Compile"/>.</param>
public sealed record ScenarioRequest(string Op, int Simulation = 0, int Index = 0, double Value = 0, string? Path = null, ScenarioRecipe? Recipe = null)
{
    /// <summary>Builds <see cref="Recipe"/>'s network on every rank and compiles it as simulation <see cref="Simulation"/>.</summary>
    public const string Compile = "compile";

    /// <summary>Disposes simulation <see cref="Simulation"/>.</summary>
    public const string Dispose = "dispose";

    /// <summary>Runs for <see cref="Value"/> ms.</summary>
    public const string Run = "run";

    /// <summary>Reads spike monitor <see cref="Index"/> of <c>Network.Monitors</c> since <see cref="Value"/> ms.</summary>
    public const string Spikes = "spikes";

    /// <summary>Frees the recorded spikes up to <see cref="Value"/> ms.</summary>
    public const string Discard = "discard";

    /// <summary>Reads state monitor <see cref="Index"/> of <c>Network.Monitors</c>.</summary>
    public const string State = "state";

    /// <summary>Reads rate monitor <see cref="Index"/> of <c>Network.Monitors</c>.</summary>
    public const string Rate = "rate";

    /// <summary>Reads projection <see cref="Index"/>'s weights.</summary>
    public const string Weights = "weights";

    /// <summary>Replaces projection <see cref="Index"/>'s weights by those in the file <see cref="Path"/>.</summary>
    public const string SetWeights = "set-weights";

    /// <summary>Reads weight monitor <see cref="Index"/>'s snapshots.</summary>
    public const string WeightRecord = "weight-record";

    /// <summary>Reads modulator <see cref="Index"/>.</summary>
    public const string Modulator = "modulator";

    /// <summary>Sets modulator <see cref="Index"/> to <see cref="Value"/>.</summary>
    public const string SetModulator = "set-modulator";

    /// <summary>Saves a checkpoint to <see cref="Path"/>.</summary>
    public const string Save = "save";

    /// <summary>Restores the checkpoint in <see cref="Path"/>.</summary>
    public const string Restore = "restore";

    /// <summary>Ends the job.</summary>
    public const string Quit = "quit";
}
