using Snn.Core.Analysis;

namespace Snn.Core.Tests.Analysis;

public class SpikeTrainStatisticsTests
{
    [Fact]
    public void RegularTrainHasZeroCvAndPoissonTrainHasCvNearOne()
    {
        var regular = Enumerable.Range(0, 100).Select(k => 10.0 * k).ToArray();
        var random = new Random(1);
        double t = 0;
        var poisson = new List<double>();
        while (t < 200_000)
        {
            t += -Math.Log(1 - random.NextDouble()) * 20;
            poisson.Add(t);
        }
        var cv = SpikeTrainStatistics.CvIsi([regular, [.. poisson], [1.0]]);
        Assert.Equal(2, cv.Length);
        Assert.Equal(0, cv[0], 1e-9);
        Assert.InRange(cv[1], 0.95, 1.05);
    }

    [Fact]
    public void IdenticalTrainsCorrelateFullyAndIndependentOnesNearZero()
    {
        var random = new Random(2);
        double[] Train() => Enumerable.Range(0, 2000).Select(_ => random.NextDouble() * 10_000).Order().ToArray();
        var a = Train();
        Assert.Equal(1, SpikeTrainStatistics.MeanCountCorrelation([a, a], 0, 10_000, 5), 1e-9);
        Assert.InRange(SpikeTrainStatistics.MeanCountCorrelation([Train(), Train(), Train()], 0, 10_000, 5), -0.05, 0.05);
    }

    [Fact]
    public void SpectrumPeaksAtTheFrequencyOfASinusoid()
    {
        var signal = Enumerable.Range(0, 4000).Select(k => 3 + Math.Sin(2 * Math.PI * 40 * k / 1000.0)).ToArray();
        var spectrum = SpikeTrainStatistics.PowerSpectrum(signal, 1.0, 200);
        Assert.Equal(40, SpikeTrainStatistics.PeakFrequency(spectrum, 5, 200));
    }
}
