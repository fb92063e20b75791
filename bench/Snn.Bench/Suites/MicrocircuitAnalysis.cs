using System.Globalization;
using Snn.Bench.Plotting;
using Snn.Core.Analysis;
using Snn.Core.Simulation;
using P = Snn.Bench.Suites.MicrocircuitParameters;

namespace Snn.Bench.Suites;

/// <summary>
/// Validates the microcircuit as the reference repository does: after discarding the first
/// 500 ms, per population the firing-rate distribution, the mean coefficient of variation of
/// inter-spike intervals and the mean spike-count correlation (5 ms bins, up to 200 neurons),
/// compared with the reference mean rates (within 10 % at full scale, 20 % when scaled down).
/// </summary>
public static class MicrocircuitAnalysis
{
    /// <summary>Transient discarded before the statistics (ms).</summary>
    public const double TransientMs = 500;

    /// <summary>Analyses a finished run of a network built at neuron scale <paramref name="nScale"/> and in-degree scale <paramref name="kScale"/>.</summary>
    public static SuiteAnalysis Analyze(BuiltNetwork built, ISimulation simulation, double nScale, double kScale)
    {
        double end = simulation.TimeMs;
        double from = Math.Min(TransientMs, end / 2);
        double tolerance = nScale >= 1 && kScale >= 1 ? 0.10 : 0.20;
        var metrics = new Dictionary<string, double>();
        var findings = new List<string>();
        var rates = new List<double[]>();
        int within = 0;
        for (int p = 0; p < 8; p++)
        {
            var record = simulation.GetSpikes(built.Spikes[p]);
            var trains = SpikeTrainStatistics.TrainsOf(record, from, end);
            var perNeuron = SpikeTrainStatistics.Rates(trains, end - from);
            rates.Add(perNeuron);
            double mean = perNeuron.Average();
            var cv = SpikeTrainStatistics.CvIsi(trains);
            double meanCv = cv.Length > 0 ? cv.Average() : double.NaN;
            double correlation = end - from >= 10 ? SpikeTrainStatistics.MeanCountCorrelation(trains.Take(200).ToArray(), from, end, 5) : double.NaN;
            double error = (mean - P.ReferenceRates[p]) / P.ReferenceRates[p];
            bool ok = Math.Abs(error) <= tolerance;
            within += ok ? 1 : 0;
            string name = P.Names[p];
            metrics[$"{name}_rate_hz"] = mean;
            metrics[$"{name}_rate_relative_error"] = error;
            metrics[$"{name}_cv_isi"] = meanCv;
            metrics[$"{name}_count_correlation"] = correlation;
            findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name,-5} rate {mean,6:F3} Hz (reference {P.ReferenceRates[p]:F3}, {error,7:+0.0%;-0.0%}) {(ok ? "ok" : "off")}, CV ISI {meanCv:F2}, count correlation {correlation:F4}"));
        }
        findings.Add(string.Create(CultureInfo.InvariantCulture,
            $"{within} of 8 populations within {tolerance:P0} of the reference rates (statistics over {from:F0}-{end:F0} ms, neuron scale {nScale:G3}, in-degree scale {kScale:G3})"));
        metrics["populations_within_tolerance"] = within;
        metrics["neuron_scale"] = nScale;
        metrics["in_degree_scale"] = kScale;
        return new SuiteAnalysis(metrics, findings, directory =>
        [
            AnalysisPlots.RateBoxes(Path.Combine(directory, "microcircuit-rates.png"), P.Names, rates, P.ReferenceRates, "microcircuit: per-neuron rates (box 25-75 %, whiskers 5-95 %)"),
        ]);
    }
}
