namespace Snn.Bench.Results;

/// <summary>The energy a suite's simulation used, when the machine's power is known.</summary>
/// <param name="Joules">Energy over the timed simulation (J).</param>
/// <param name="JoulesPerSynapticEvent">Energy divided by the run's synaptic events (J); NaN when there were none.</param>
/// <param name="Source">Where the number comes from: <c>rapl</c> (measured from the CPU packages' RAPL
/// counters: package power only, not memory, board or supply losses) or <c>given power</c> (the
/// <c>--power-watts</c> value × wall time).</param>
/// <param name="Watts">The mean power over the run (W).</param>
public sealed record EnergyMeasurement(double Joules, double JoulesPerSynapticEvent, string Source, double Watts)
{
    /// <summary>The <see cref="Source"/> of a RAPL measurement.</summary>
    public const string Rapl = "rapl";

    /// <summary>The <see cref="Source"/> of a user-given power.</summary>
    public const string GivenPower = "given power";

    /// <summary>The energy of a run of <paramref name="wallSeconds"/> at <paramref name="watts"/> with <paramref name="synapticEvents"/> events.</summary>
    public static EnergyMeasurement From(double joules, double wallSeconds, long synapticEvents, string source)
        => new(joules, synapticEvents > 0 ? joules / synapticEvents : double.NaN, source, wallSeconds > 0 ? joules / wallSeconds : double.NaN);
}
