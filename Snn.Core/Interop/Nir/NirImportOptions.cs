namespace Snn.Core.Interop.Nir;

/// <summary>
/// How a NIR graph becomes a Snn network. NIR has no time step and no time unit: its neurons are
/// continuous-time systems. Snn discretises them exactly at <see cref="Dt"/>, reading NIR times
/// (τ, delays) in units of <see cref="TimeUnitMs"/>.
/// </summary>
public sealed record NirImportOptions
{
    /// <summary>Simulation time step (ms), in (0, 1000]. Default 0.1.</summary>
    public double Dt { get; init; } = 0.1;

    /// <summary>One NIR time unit in ms, &gt; 0. Default 1000: NIR times are seconds, as snnTorch,
    /// Norse, Lava-dl and Rockpool write them.</summary>
    public double TimeUnitMs { get; init; } = 1000;

    /// <summary>
    /// Time integral of one spike in NIR time units, &gt; 0. The specification makes a spike a
    /// Dirac delta of area 1 (the default). snnTorch and Norse simulate a spike as the value 1 held
    /// for one of their own steps, so their exports reproduce when this is their step in NIR time
    /// units (e.g. 1e-3 for a 1 ms step written in seconds).
    /// </summary>
    public double SpikeArea { get; init; } = 1;

    /// <summary>The spike times (ms) of each Input node's channels: one array per channel, times
    /// ≥ dt. Inputs not listed stay silent. Each event is one Dirac delta, so two events of one
    /// channel in the same step are refused (a spike source fires once per step): choose a dt that
    /// separates them.</summary>
    public IReadOnlyDictionary<string, double[][]>? InputSpikes { get; init; }

    /// <summary>The network seed. Default 0 (an imported network draws no random numbers).</summary>
    public ulong Seed { get; init; }
}
