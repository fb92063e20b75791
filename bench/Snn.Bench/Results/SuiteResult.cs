using System.Text.Json.Serialization;

namespace Snn.Bench.Results;

/// <summary>
/// The measurements of one suite run: one row of the results table and of <c>results.json</c>.
/// </summary>
/// <param name="Suite">The suite's name.</param>
/// <param name="Backend">The engine ("cpu", "gpu", "mpi", ...).</param>
/// <param name="Neurons">Number of neurons.</param>
/// <param name="Synapses">Number of synapses.</param>
/// <param name="Threads">Requested worker threads; null when the engine chose.</param>
/// <param name="Seed">The network seed.</param>
/// <param name="DtMs">Time step (ms).</param>
/// <param name="SimulatedMs">Simulated (biological) time (ms).</param>
/// <param name="BuildSeconds">Wall time of compiling the network (synapse generation, layout), s.</param>
/// <param name="WallSeconds">Wall time of simulating, s (compile and JIT excluded).</param>
/// <param name="Spikes">Number of spikes of all recorded neurons.</param>
/// <param name="MeanRateHz">Mean firing rate over all recorded neurons (Hz).</param>
/// <param name="SynapticEvents">Spike deliveries: the sum over spikes of the source's out-degree.</param>
/// <param name="SynapticEventsPerSecond">Synaptic events per second of wall time.</param>
/// <param name="NeuronUpdatesPerSecond">Neurons × steps per second of wall time.</param>
/// <param name="RealTimeFactor">Wall time / simulated time (below 1 is faster than real time).</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set so far (bytes).</param>
/// <param name="ManagedBytesAfterCompile">Managed heap after compiling, after a full GC (bytes).</param>
/// <param name="BytesPerSynapse">(managed heap after compile − before) / synapses, both after a full GC.</param>
/// <param name="Metrics">The suite's own named results (see <see cref="Suites.SuiteAnalysis"/>), or null.</param>
/// <param name="Findings">The suite's own findings, one line each, or null.</param>
/// <param name="Ranks">MPI ranks of an <c>mpi</c> run; null (and absent from the JSON) for other engines.</param>
/// <param name="RankTimings">Each rank's compute and communication time, by rank; null (absent) for other engines.</param>
/// <param name="IntervalSteps">Steps between two spike exchanges of an <c>mpi</c> run (the smallest delay); null (absent) for other engines.</param>
/// <param name="Energy">The simulation's energy when the machine's power is known (RAPL counters or <c>--power-watts</c>); null (absent) otherwise.</param>
public sealed record SuiteResult(
    string Suite,
    string Backend,
    int Neurons,
    long Synapses,
    int? Threads,
    ulong Seed,
    double DtMs,
    double SimulatedMs,
    double BuildSeconds,
    double WallSeconds,
    long Spikes,
    double MeanRateHz,
    long SynapticEvents,
    double SynapticEventsPerSecond,
    double NeuronUpdatesPerSecond,
    double RealTimeFactor,
    long PeakWorkingSetBytes,
    long ManagedBytesAfterCompile,
    double BytesPerSynapse,
    IReadOnlyDictionary<string, double>? Metrics = null,
    IReadOnlyList<string>? Findings = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Ranks = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RankTiming>? RankTimings = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? IntervalSteps = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EnergyMeasurement? Energy = null);
