namespace Snn.Bench.Verify;

/// <summary>
/// The published mean rates that <c>verify</c>'s rate rows check, in one place. A rate from a peer
/// simulator is one realisation of the random network, so its tolerance is three standard
/// deviations of the rate over network seeds (seeds 1-8 at the same size, measured with
/// <c>snn-bench run SUITE --seed S</c>); a network seed of this project gives the same spikes on
/// every install, so its published rate is checked to the digits it was published with.
/// </summary>
public static class SuiteRateClaims
{
    /// <summary>CUBA at 4000 neurons, 1 s, against Brian2 2.5.1 running <c>examples/CUBA.py</c>.</summary>
    public static SuiteRateClaim Cuba { get; } = new("cuba-rate", "cuba", 4000, 1000, ReferenceHz: 5.45, ToleranceHz: 0.87,
        "Brian2 2.5.1 CUBA.py, N = 4000, 1 s: 5.45 Hz (README, snn-bench compare brian2); tolerance 3 x 0.29 Hz, the seed-to-seed SD of the rate");

    /// <summary>COBA at 4000 neurons, 1 s: the README's published rate of the suite named <c>coba</c>, seed 42.</summary>
    public static SuiteRateClaim Coba { get; } = new("coba-rate", "coba", 4000, 1000, ReferenceHz: 19.68, ToleranceHz: 0.005,
        "README performance table (snn-bench run coba, seed 42): 19.68 Hz; the same seed gives the same spikes, so to the published 0.01 Hz");

    /// <summary>The Izhikevich 2003 network at 1000 neurons, 1 s, seed 42.</summary>
    public static SuiteRateClaim Izhikevich2003 { get; } = new("izhikevich-2003", "izhikevich-2003", 1000, 1000, ReferenceHz: 7.645, ToleranceHz: 0.0005,
        "README performance table (snn-bench run izhikevich-2003, seed 42): 7,645 spikes in 1 s, to the published spike count");

    /// <summary>The seed of the rows whose reference is this project's own published run.</summary>
    public const ulong Seed = 42;
}
