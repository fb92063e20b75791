using System.Globalization;
using Snn.Backends.Sfq;
using Snn.Experiments.Sfq;

namespace Snn.Bench.Verify;

/// <summary>
/// The SFQ XOR case study (<see cref="SfqXorStudy"/>) on the closed-form pulse-level model: the output rates of the four input patterns
/// at nominal bias and the edges of the global-bias window in which all four are correct, against
/// <see cref="SfqXorClaims"/>. The window is swept in steps of <see cref="SfqXorClaims.WindowStep"/>
/// from two steps below its lower edge to two steps above its upper edge.
/// </summary>
public sealed class SfqXorWindowRow : VerifyRow
{
    /// <inheritdoc />
    public override string Name => "sfq-xor-window";

    /// <inheritdoc />
    public override string Claim => string.Create(CultureInfo.InvariantCulture,
        $"closed-form model: rates {string.Join(" / ", SfqXorClaims.NominalRatesGhz.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture)))} GHz; all patterns correct for bias {SfqXorClaims.WindowLow:F2}-{SfqXorClaims.WindowHigh:F2} x nominal");

    /// <inheritdoc />
    public override string Source => SfqXorClaims.Source;

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        context.Report("sfq-xor-window: nominal rates and the global-bias sweep");
        var study = new SfqXorStudy();
        var rates = study.Evaluate().Patterns.Select(p => p.OutputRateGhz).ToArray();
        double step = SfqXorClaims.WindowStep;
        double low = SfqXorClaims.WindowLow - 2 * step;
        int count = (int)Math.Round((SfqXorClaims.WindowHigh + 2 * step - low) / step) + 1;
        var scales = SfqXorStudy.Scales(low, low + (count - 1) * step, count);
        var window = SfqXorStudy.Window("global", "nominal", study.SweepGlobalBias(scales));
        var metrics = new Dictionary<string, double>
        {
            ["window_low"] = window.Low,
            ["window_high"] = window.High,
        };
        bool ratesOk = true;
        for (int k = 0; k < rates.Length; k++)
        {
            metrics[$"rate_ghz_pattern_{k}"] = rates[k];
            ratesOk &= Math.Abs(rates[k] - SfqXorClaims.NominalRatesGhz[k]) <= SfqXorClaims.RateToleranceGhz;
        }
        bool windowOk = Math.Abs(window.Low - SfqXorClaims.WindowLow) <= step + 1e-9 && Math.Abs(window.High - SfqXorClaims.WindowHigh) <= step + 1e-9;
        return Judge(ratesOk && windowOk,
            string.Create(CultureInfo.InvariantCulture, $"{string.Join(" / ", rates.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))} GHz; window {window.Low:F2}-{window.High:F2}"),
            string.Create(CultureInfo.InvariantCulture, $"rates ± {SfqXorClaims.RateToleranceGhz:G2} GHz, edges ± {step:G2}"),
            ratesOk ? "the bias window differs" : "a pattern's rate differs", metrics);
    }
}
