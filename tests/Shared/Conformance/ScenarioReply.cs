using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Tests.Shared.Conformance;

/// <summary>The answer to a <see cref="ScenarioRequest"/>, written by rank 0 as one JSON line after
/// <see cref="Marker"/>; floats and doubles travel as their bit patterns. Every answer carries the called
/// simulation's step count after the call; a call the engine refused carries the exception's type and
/// message instead.</summary>
public sealed record ScenarioReply
{
    /// <summary>What starts a reply line in the job's output.</summary>
    public const string Marker = "@@scenario-reply ";

    /// <summary>The simulation's step count after the call.</summary>
    public long StepCount { get; init; }

    /// <summary>The full name of the exception type the call threw, or null.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The message of the exception the call threw, or null.</summary>
    public string? Error { get; init; }

    /// <summary>The capabilities the engine's backend claims (the job's first reply).</summary>
    public SimulationCapabilities BackendCapabilities { get; init; }

    /// <summary>The capabilities the compiled simulation implements (reply to a compile call).</summary>
    public SimulationCapabilities SimulationCapabilities { get; init; }

    /// <summary>Projections, neuron monitors, weight monitors and modulators of the compiled network (reply to a compile call).</summary>
    public int[] Shape { get; init; } = [];

    /// <summary>Spike steps, or weight-monitor and state-sample times as double bits.</summary>
    public long[] Longs { get; init; } = [];

    /// <summary>Spiking neurons, rate counts, weights as float bits, or a state monitor's neurons.</summary>
    public int[] Ints { get; init; } = [];

    /// <summary>State samples or weight snapshots, row by row, as float bits.</summary>
    public int[][] Rows { get; init; } = [];

    /// <summary>Scalars of a record (time step, recorded neurons, population size, duration, state variable) or a modulator value, as double bits.</summary>
    public long[] Scalars { get; init; } = [];

    /// <summary>The shape a served network is checked by: its projection, neuron-monitor, weight-monitor and modulator counts.</summary>
    public static int[] ShapeOf(Network network)
        => [network.Projections.Count, network.Monitors.Count, network.WeightMonitors.Count, network.Modulators.Count];

    /// <summary>The reply for <paramref name="record"/>.</summary>
    public static ScenarioReply Of(SpikeRecord record) => new()
    {
        Longs = record.Steps,
        Ints = record.Neurons,
        Scalars = [DoubleBits(record.Dt), record.RecordedNeurons, record.PopulationSize, DoubleBits(record.DurationMs)],
    };

    /// <summary>The reply for <paramref name="record"/>.</summary>
    public static ScenarioReply Of(StateRecord record) => new()
    {
        Longs = [.. record.Times.Select(DoubleBits)],
        Ints = record.Neurons,
        Rows = [.. record.Values.Select(Bits)],
        Scalars = [(long)record.Variable],
    };

    /// <summary>The reply for <paramref name="record"/>.</summary>
    public static ScenarioReply Of(RateRecord record) => new()
    {
        Ints = record.Counts,
        Scalars = [DoubleBits(record.Dt), record.PopulationSize],
    };

    /// <summary>The reply for <paramref name="record"/>.</summary>
    public static ScenarioReply Of(WeightRecord record) => new()
    {
        Longs = [.. record.Times.Select(DoubleBits)],
        Rows = [.. record.Snapshots.Select(Bits)],
    };

    /// <summary>The reply for a projection's <paramref name="weights"/>.</summary>
    public static ScenarioReply Of(float[] weights) => new() { Ints = Bits(weights) };

    /// <summary>The reply for a modulator's <paramref name="value"/>.</summary>
    public static ScenarioReply Of(double value) => new() { Scalars = [DoubleBits(value)] };

    /// <summary>The spike record this reply carries.</summary>
    public SpikeRecord ToSpikeRecord()
        => new(Longs, Ints, FromDoubleBits(Scalars[0]), (int)Scalars[1], (int)Scalars[2], FromDoubleBits(Scalars[3]));

    /// <summary>The state record this reply carries.</summary>
    public StateRecord ToStateRecord() => new((StateVariable)Scalars[0], Ints, [.. Longs.Select(FromDoubleBits)], [.. Rows.Select(Floats)]);

    /// <summary>The rate record this reply carries.</summary>
    public RateRecord ToRateRecord() => new(Ints, FromDoubleBits(Scalars[0]), (int)Scalars[1]);

    /// <summary>The weight record this reply carries.</summary>
    public WeightRecord ToWeightRecord() => new([.. Longs.Select(FromDoubleBits)], [.. Rows.Select(Floats)]);

    /// <summary>The weights this reply carries.</summary>
    public float[] ToWeights() => Floats(Ints);

    /// <summary>The modulator value this reply carries.</summary>
    public double ToModulator() => FromDoubleBits(Scalars[0]);

    /// <summary>The bit patterns of <paramref name="values"/>.</summary>
    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];

    /// <summary>The floats whose bit patterns are <paramref name="bits"/>.</summary>
    private static float[] Floats(int[] bits) => [.. bits.Select(BitConverter.Int32BitsToSingle)];

    private static long DoubleBits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static double FromDoubleBits(long bits) => BitConverter.Int64BitsToDouble(bits);
}
