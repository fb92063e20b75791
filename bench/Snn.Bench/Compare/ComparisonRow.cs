namespace Snn.Bench.Compare;

/// <summary>One network (suite and size) of <c>snn-bench compare brian2</c>: paired repetitions and their summary.</summary>
/// <param name="Suite">The suite (<c>cuba</c> or <c>coba</c>).</param>
/// <param name="Neurons">N.</param>
/// <param name="Threads">Our worker threads (null: the engine's choice).</param>
/// <param name="OursSynapses">Our synapse count.</param>
/// <param name="Brian2Synapses">Brian2's synapse count (last repetition).</param>
/// <param name="OursRunSeconds">Our simulation wall time per repetition (compile excluded).</param>
/// <param name="OursBuildSeconds">Our compile wall time per repetition.</param>
/// <param name="Brian2Seconds">Brian2's printed wall time per repetition (its program: synapse creation and simulation).</param>
/// <param name="OursRateHz">Our mean rate per repetition (Hz; repetition r uses the seed + r, so that the
/// network differs every repetition as Brian2's does).</param>
/// <param name="Brian2RateHz">Brian2's mean rate per repetition (Hz; its seed differs every run).</param>
public sealed record ComparisonRow(
    string Suite,
    int Neurons,
    int? Threads,
    long OursSynapses,
    long Brian2Synapses,
    IReadOnlyList<double> OursRunSeconds,
    IReadOnlyList<double> OursBuildSeconds,
    IReadOnlyList<double> Brian2Seconds,
    IReadOnlyList<double> OursRateHz,
    IReadOnlyList<double> Brian2RateHz)
{
    /// <summary>Median over repetitions of (our simulation time / Brian2's time).</summary>
    public double MedianRunRatio => Statistics.Median(OursRunSeconds.Zip(Brian2Seconds, (a, b) => a / b).ToArray());

    /// <summary>Median over repetitions of ((our compile + simulation time) / Brian2's time): like for like,
    /// since Brian2's time includes creating its synapses.</summary>
    public double MedianBuildAndRunRatio => Statistics.Median(OursRunSeconds.Zip(OursBuildSeconds, (r, b) => r + b).Zip(Brian2Seconds, (a, b) => a / b).ToArray());

    /// <summary>Mean of our rates (Hz).</summary>
    public double OursMeanRateHz => OursRateHz.Count == 0 ? double.NaN : OursRateHz.Average();

    /// <summary>Mean of Brian2's rates (Hz).</summary>
    public double Brian2MeanRateHz => Brian2RateHz.Count == 0 ? double.NaN : Brian2RateHz.Average();

    /// <summary>Our mean rate relative to Brian2's, minus 1 (a fraction: 0.05 is 5 % above Brian2's).</summary>
    public double RateDifference => OursMeanRateHz / Brian2MeanRateHz - 1;
}
