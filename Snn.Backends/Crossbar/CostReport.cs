namespace Snn.Backends.Crossbar;

/// <summary>
/// What a crossbar run cost: hardware size, operation counts and a NeuroSim-style energy and
/// latency breakdown (see <see cref="EnergyModel"/> for the equations). Counts are exact for the
/// simulated run; energies are those counts times per-operation constants, except the cell read
/// energy, which is V²·G·t summed over the cells actually read, and the programming energy of
/// on-chip learning, V_w²·(G_before + G_after)/2·t_w summed over the pulses actually applied.
/// </summary>
public sealed record CostReport
{
    /// <summary>Tiles allocated (every tile set, partial tiles counted whole).</summary>
    public int Tiles { get; init; }

    /// <summary>Tiles that exist only because a projection has more than one delay (one tile set per delay).</summary>
    public int ExtraDelayTiles { get; init; }

    /// <summary>Cells (differential pairs count as two) that hold a synapse.</summary>
    public long ProgrammedCells { get; init; }

    /// <summary>Simulated steps.</summary>
    public long Steps { get; init; }

    /// <summary>Tile reads (a tile with at least one active row in a step).</summary>
    public long TileReads { get; init; }

    /// <summary>Row activations (read pulses).</summary>
    public long RowActivations { get; init; }

    /// <summary>Cell reads (active rows × mapped bit lines).</summary>
    public long CellReads { get; init; }

    /// <summary>ADC conversions (one per mapped weight column per tile read).</summary>
    public long AdcConversions { get; init; }

    /// <summary>Synaptic operations: synapses whose source spiked (the software-equivalent count).</summary>
    public long SynapticOperations { get; init; }

    /// <summary>Digital neuron updates.</summary>
    public long NeuronUpdates { get; init; }

    /// <summary>Short-term plasticity updates: at each spike, one per projection with short-term plasticity
    /// leaving the spiking neuron (its u, x and the factor u·x that scales its read pulse).</summary>
    public long ShortTermUpdates { get; init; }

    /// <summary>Spikes emitted by all populations.</summary>
    public long Spikes { get; init; }

    /// <summary>Weight changes requested by the plasticity rules of plastic projections.</summary>
    public long ProgrammingRequests { get; init; }

    /// <summary>Programming pulses applied to cells for those requests (potentiation, depression and reset).</summary>
    public long ProgrammingPulses { get; init; }

    /// <summary>The per-component lines: counts, energies (J) and latency (s), each with its provenance.</summary>
    public IReadOnlyList<CostItem> Items { get; init; } = [];

    /// <summary>Total energy (J): the sum of the energy lines.</summary>
    public double TotalEnergy => Items.Where(i => i.Unit == "J").Sum(i => i.Value);

    /// <summary>Total latency (s) of the run on the modelled hardware.</summary>
    public double Latency => Items.Where(i => i.Unit == "s").Sum(i => i.Value);

    /// <summary>The energy (J) of the line named <paramref name="name"/>, or 0.</summary>
    public double Energy(string name) => Items.FirstOrDefault(i => i.Name == name && i.Unit == "J")?.Value ?? 0;
}
