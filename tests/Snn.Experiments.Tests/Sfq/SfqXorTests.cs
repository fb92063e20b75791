using Snn.Backends.Sfq;
using Snn.Experiments.Sfq;

namespace Snn.Experiments.Tests.Sfq;

/// <summary>The rate-coded XOR case study on the SFQ backend.</summary>
public class SfqXorTests
{
    [Fact]
    public void XorIsCorrectAtNominalBiasWithAWideRateSeparation()
    {
        var evaluation = new SfqXorStudy().Evaluate();

        Assert.True(evaluation.AllCorrect, string.Join("; ", evaluation.Patterns.Select(p => $"{p.A},{p.B}: {p.OutputRateGhz} GHz")));
        Assert.True(evaluation.SeparationGhz > 2, $"separation {evaluation.SeparationGhz} GHz");
        Assert.Equal(0, evaluation.Errors);
        // The README's nominal rates 0 / 4.0 / 4.0 / 0.1 GHz: one pulse in 2.5 clock periods for one active input.
        double[] stated = [0, 4.0, 4.0, 0.1];
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(stated[k], evaluation.Patterns[k].OutputRateGhz, 0.25);
        }
    }

    [Fact]
    public void XorFailsOutsideTheReportedGlobalBiasMargin()
    {
        var study = new SfqXorStudy();
        var points = study.SweepGlobalBias(SfqXorStudy.Scales(0.8, 1.2, 21));
        var window = SfqXorStudy.Window("global", "nominal", points);

        Assert.Equal(0.94, window.Low, 1e-9);
        Assert.Equal(1.10, window.High, 1e-9);
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
