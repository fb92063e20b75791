using System.Globalization;
using Snn.Bench.Running;
using Snn.Bench.Suites;
using Snn.Core.Analysis;

namespace Snn.Bench.Verify;

/// <summary>
/// Izhikevich 2003's 1000-neuron network: the mean rate of the first second against the README's
/// published run (<see cref="SuiteRateClaims.Izhikevich2003"/>), and the paper's rhythms (Fig. 3:
/// "alpha and gamma band rhythms"): in the Welch spectrum of the population spike count (1 ms bins,
/// 1 s segments) over the whole run, the largest peak of 5-100 Hz lies in the alpha band (8-13 Hz),
/// and the mean power of the gamma band (30-50 Hz) is at least
/// <see cref="PolychronizationAnalysis.GammaProminence"/> times that of 60-100 Hz (the prominence the
/// polychronization suite asks of its gamma rhythm). The gamma activity of this network is a broad
/// shoulder of 25-46 Hz rather than a sharp peak.
/// </summary>
public sealed class Izhikevich2003Row : VerifyRow
{
    private static SuiteRateClaim RateClaim => SuiteRateClaims.Izhikevich2003;

    /// <inheritdoc />
    public override string Name => RateClaim.Row;

    /// <inheritdoc />
    public override string Claim => string.Create(CultureInfo.InvariantCulture,
        $"1000 neurons: {RateClaim.ReferenceHz:G4} Hz in the first second; alpha rhythm (8-13 Hz) and gamma-band (30-50 Hz) activity");

    /// <inheritdoc />
    public override string Source => RateClaim.Source + "; rhythms: Izhikevich 2003, IEEE TNN 14:1569, Fig. 3";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        double durationMs = context.Quick ? 5000 : 20_000;
        context.Report($"izhikevich-2003: {durationMs:G4} ms");
        var run = SuiteRunner.Run(SuiteCatalog.Find(RateClaim.Suite), new SuiteRunOptions(RateClaim.Size, durationMs, SuiteRateClaims.Seed, context.Threads, WarmUp: false));
        int bins = (int)durationMs;
        var counts = new double[bins];
        long firstSecond = 0;
        foreach (var population in run.Spikes)
        {
            var record = population.Record;
            for (int i = 0; i < record.Count; i++)
            {
                double t = record.Steps[i] * record.Dt;
                counts[Math.Min(bins - 1, (int)t)]++;
                firstSecond += t <= RateClaim.DurationMs ? 1 : 0;
            }
        }
        double rate = firstSecond / (RateClaim.Size * RateClaim.DurationMs / 1000);
        var spectrum = PolychronizationAnalysis.WelchSpectrum(counts, 1000);
        int peak = SpikeTrainStatistics.PeakFrequency(spectrum, 5, 100);
        double gammaPower = spectrum[30..51].Average();
        double highPower = spectrum[60..101].Average();
        double gammaRatio = gammaPower / highPower;
        bool rateOk = Math.Abs(rate - RateClaim.ReferenceHz) <= RateClaim.ToleranceHz;
        bool alpha = peak is >= 8 and <= 13;
        bool gamma = gammaRatio >= PolychronizationAnalysis.GammaProminence;
        var metrics = new Dictionary<string, double>
        {
            ["rate_first_second_hz"] = rate,
            ["spectrum_peak_hz"] = peak,
            ["gamma_30_50hz_over_60_100hz_power"] = gammaRatio,
        };
        return Judge(rateOk && alpha && gamma,
            string.Create(CultureInfo.InvariantCulture, $"{rate:F3} Hz; largest peak {peak} Hz; 30-50 Hz power x{gammaRatio:F1} that of 60-100 Hz"),
            string.Create(CultureInfo.InvariantCulture, $"{RateClaim.ReferenceHz:G4} ± {RateClaim.ToleranceHz:G2} Hz; peak in 8-13 Hz; gamma power ≥ x{PolychronizationAnalysis.GammaProminence:G2}"),
            !rateOk ? "the rate differs from the published run" : !alpha ? "the largest rhythm is not in the alpha band" : "no gamma-band activity", metrics);
    }
}
