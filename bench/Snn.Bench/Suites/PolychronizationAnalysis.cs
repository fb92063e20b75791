using System.Globalization;
using Snn.Bench.Plotting;
using Snn.Core.Analysis;
using Snn.Core.Simulation;

namespace Snn.Bench.Suites;

/// <summary>
/// Checks the polychronization network against Izhikevich 2006: the excitatory weights should end
/// up bimodal (most near 0 or near the maximum of 10) and the population rate should oscillate in
/// the gamma band (30-100 Hz). The spectrum is Welch's average of 1 s periodograms of the
/// population spike count per 1 ms bin over the last (up to) 20 s; a gamma rhythm is a peak in
/// 30-100 Hz standing at least <see cref="GammaProminence"/> times above the median power of
/// 20-200 Hz (slower rhythms, such as the delta episodes the paper also reports, may be larger).
/// </summary>
public static class PolychronizationAnalysis
{
    /// <summary>Weights below this fraction of the maximum count as "near 0".</summary>
    public const double LowFraction = 0.1;

    /// <summary>Weights above this fraction of the maximum count as "near the maximum".</summary>
    public const double HighFraction = 0.9;

    /// <summary>How far (×) a gamma peak must rise above the 20-200 Hz median power to count.</summary>
    public const double GammaProminence = 3;

    /// <summary>Analyses a finished run.</summary>
    public static SuiteAnalysis Analyze(PolychronizationNetwork.Model model, ISimulation simulation)
    {
        double maxWeight = 10;
        var weights = simulation.GetWeights(model.Plastic);
        double low = weights.Count(w => w < LowFraction * maxWeight) / (double)weights.Length;
        double high = weights.Count(w => w > HighFraction * maxWeight) / (double)weights.Length;
        bool bimodal = low + high >= 0.6 && low >= 0.1 && high >= 0.1;

        var exc = simulation.GetRate(model.Rate[0]).Counts;
        var inh = simulation.GetRate(model.Rate[1]).Counts;
        int window = Math.Min(exc.Length, 20_000);
        var counts = new double[window];
        for (int k = 0; k < window; k++)
        {
            counts[k] = exc[exc.Length - window + k] + inh[inh.Length - window + k];
        }
        var spectrum = WelchSpectrum(counts, segment: Math.Min(1000, window));
        int peak = SpikeTrainStatistics.PeakFrequency(spectrum, 5, 200);
        int gammaPeak = SpikeTrainStatistics.PeakFrequency(spectrum, 30, 100);
        double median = spectrum[20..201].Order().ElementAt(90);
        double prominence = median > 0 ? spectrum[gammaPeak] / median : 0;
        double total = spectrum[5..].Sum();
        double gamma = spectrum[30..101].Sum();
        double gammaShare = total > 0 ? gamma / total : 0;
        bool inGamma = prominence >= GammaProminence;

        var snapshots = simulation.GetWeights(model.Weights);
        var initial = model.Plastic.Instantiate().Weights;
        var metrics = new Dictionary<string, double>
        {
            ["weights_below_1_fraction"] = low,
            ["weights_above_9_fraction"] = high,
            ["rate_spectrum_peak_hz"] = peak,
            ["gamma_peak_hz"] = gammaPeak,
            ["gamma_peak_prominence"] = prominence,
            ["gamma_30_100hz_power_fraction"] = gammaShare,
            ["simulated_s"] = simulation.TimeMs / 1000.0,
        };
        var findings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"excitatory weights after {simulation.TimeMs / 1000:F0} s: {low:P1} below 1, {high:P1} above 9 of 10 -> {(bimodal ? "bimodal, as Izhikevich 2006 reports" : "not (yet) bimodal; the paper simulates hours")}"),
            string.Create(CultureInfo.InvariantCulture,
                $"population rhythm: gamma peak at {gammaPeak} Hz, {prominence:F1}x the 20-200 Hz median -> {(inGamma ? "gamma rhythm, as published" : "no distinct gamma rhythm")}; largest peak at {peak} Hz; {gammaShare:P0} of the 5-200 Hz power in 30-100 Hz"),
        };
        return new SuiteAnalysis(metrics, findings, directory =>
        [
            AnalysisPlots.WeightHistogram(Path.Combine(directory, "polychronization-weights.png"), initial, snapshots.Snapshots.Length > 0 ? snapshots.Snapshots[^1] : weights, maxWeight),
            AnalysisPlots.Spectrum(Path.Combine(directory, "polychronization-spectrum.png"), spectrum, "population rate spectrum (last 20 s)"),
        ]);
    }

    /// <summary>Welch's estimate: the mean periodogram of consecutive segments (1..200 Hz, 1 ms samples).</summary>
    public static double[] WelchSpectrum(double[] signal, int segment)
    {
        int segments = Math.Max(1, signal.Length / segment);
        var sum = new double[201];
        for (int s = 0; s < segments; s++)
        {
            var part = SpikeTrainStatistics.PowerSpectrum(signal.AsSpan(s * segment, Math.Min(segment, signal.Length)), 1.0, 200);
            for (int f = 0; f < sum.Length; f++)
            {
                sum[f] += part[f] / segments;
            }
        }
        return sum;
    }
}
