using Snn.Backends.Sfq;
using Snn.Experiments.Sfq;

namespace Snn.Experiments.Tests.Sfq;

/// <summary>The rate-coded XOR case study on the SFQ backend.</summary>
public class SfqXorTests
{
    [Fact]
    public void XorIsCorrectAtNominalBiasWithAWideRateSeparation()
    {
        var design = SfqXorDesign.Default with { WindowPeriods = 1000 };
        var evaluation = new SfqXorStudy(design).Evaluate();

        Assert.True(evaluation.AllCorrect, string.Join("; ", evaluation.Patterns.Select(p => $"{p.A},{p.B}: {p.OutputRateGhz} GHz")));
        Assert.True(evaluation.SeparationGhz > 2, $"separation {evaluation.SeparationGhz} GHz");
        Assert.Equal(0, evaluation.Errors);
        Assert.Equal(0, evaluation.Patterns[0].OutputRateGhz);
        // One active input: the AND neuron never fires (one pulse per period leaves at most
        // 1/(1 - e^(-100/50)) = 1.16 < 1.25 flux), so the output loop alone sets the rate. An
        // independent Monte Carlo of that loop: decay e^(-T/tau) per period, a fluxon with
        // probability w, fire and empty at the threshold.
        double expected = LoopRateGhz(design.InputToOutputWeight, design.OutputThresholdFluxons, design.OutputLeakPs, design.ClockPeriodPs);
        // Rate noise of a 1000-period window: about 0.07 GHz (renewal intervals of 2.5 +- 0.8 periods).
        Assert.Equal(expected, evaluation.Patterns[1].OutputRateGhz, 0.3);
        Assert.Equal(expected, evaluation.Patterns[2].OutputRateGhz, 0.3);
    }

    private static double LoopRateGhz(double passProbability, double threshold, double leakPs, double periodPs)
    {
        const int periods = 1_000_000;
        var random = new Random(7);
        double flux = 0, decay = Math.Exp(-periodPs / leakPs);
        int fired = 0;
        for (int k = 0; k < periods; k++)
        {
            flux = flux * decay + (random.NextDouble() < passProbability ? 1 : 0);
            if (flux >= threshold)
            {
                fired++;
                flux = 0;
            }
        }
        return fired / (periods * periodPs) * 1000;
    }

    [Fact]
    public void XorFailsOutsideTheReportedGlobalBiasMargin()
    {
        var study = new SfqXorStudy();
        var points = study.SweepGlobalBias(SfqXorStudy.Scales(0.8, 1.2, 21));
        var window = SfqXorStudy.Window("global", "nominal", points);

        // Upper edge: the last grid point below the bias scale at which the weight-1 gates
        // (I_50 + 6 sigma_I, sigma_I = sqrt(4 k_B T I_c / Phi0)) reach I_c and oscillate.
        double sigma = Math.Sqrt(4 * 1.380649e-23 * 4.2 * 100e-6 / 2.067833848e-15) * 1e6;
        double overbiased = 100 / (70 + 6 * sigma);
        double[] grid = SfqXorStudy.Scales(0.8, 1.2, 21);
        Assert.Equal(grid.Last(b => b < overbiased), window.High, 1e-9);
        // Lower edge: the value this study reports (README), a regression check.
        Assert.Equal(0.94, window.Low, 1e-9);
        foreach (var point in points)
        {
            bool inside = point.BiasScale >= window.Low - 1e-12 && point.BiasScale <= window.High + 1e-12;
            Assert.Equal(inside, point.Evaluation.AllCorrect);
        }
        Assert.False(study.Evaluate(new SfqBackendOptions { GlobalBiasScale = window.Low - 0.02 }).AllCorrect);
        Assert.False(study.Evaluate(new SfqBackendOptions { GlobalBiasScale = window.High + 0.02 }).AllCorrect);
    }

    [Fact]
    public void MeanFieldCpuRunClassifiesTheSamePatterns()
    {
        var rows = SfqVsCpu.Compare();
        var design = SfqXorDesign.Default;
        foreach (var row in rows)
        {
            Assert.Equal(row.A ^ row.B, row.CpuRateGhz > design.DecisionRateGhz);
            Assert.Equal(row.A ^ row.B, row.SfqRateGhz > design.DecisionRateGhz);
        }
    }
}
