namespace Snn.Backends.Sfq;

/// <summary>
/// Energy, size and error figures of an SFQ run so far. Dynamic energy is the number of junction
/// switching events times I_c Φ0; static power is the RSFQ bias power V_b ΣI_b (0 for ERSFQ);
/// wall-plug energy multiplies the 4 K total by (1 + cryocooler overhead).
/// </summary>
/// <param name="DurationPs">Simulated time (ps).</param>
/// <param name="Pulses">Output pulses of all neurons and sources (spikes).</param>
/// <param name="SwitchingEvents">Junction switching events (2π phase slips).</param>
/// <param name="EnergyPerSwitchJ">Energy per switching event I_c Φ0 (J).</param>
/// <param name="DynamicEnergyJ">SwitchingEvents × EnergyPerSwitchJ (J).</param>
/// <param name="StaticPowerW">Bias power V_b ΣI_b for RSFQ, 0 for ERSFQ (W).</param>
/// <param name="StaticEnergyJ">StaticPowerW × duration (J).</param>
/// <param name="TotalEnergyJ">Dynamic plus static energy at 4 K (J).</param>
/// <param name="WallPlugEnergyJ">TotalEnergyJ × (1 + cryocooler overhead) (J).</param>
/// <param name="Junctions">Josephson junctions in the circuit (neurons, gates, JTLs, splitter and merger trees).</param>
/// <param name="TotalBiasCurrentUa">Sum of all bias currents (µA).</param>
/// <param name="ErrorCount">Circuit errors reported (all kinds).</param>
/// <param name="Errors">The first errors (at most 10 000), in time order.</param>
/// <param name="Family">Logic family.</param>
public sealed record SfqReport(
    double DurationPs,
    long Pulses,
    long SwitchingEvents,
    double EnergyPerSwitchJ,
    double DynamicEnergyJ,
    double StaticPowerW,
    double StaticEnergyJ,
    double TotalEnergyJ,
    double WallPlugEnergyJ,
    long Junctions,
    double TotalBiasCurrentUa,
    long ErrorCount,
    IReadOnlyList<SfqError> Errors,
    SfqLogicFamily Family);
