using Snn.Bench.Plotting;
using Snn.Bench.Running;
using Snn.Core.Monitors;
using Snn.Tests.Shared;

namespace Snn.Bench.Tests.Plotting;

public class ResultPlotsTests
{
    private static PopulationSpikes Population(string name, int size, long[] steps, int[] neurons, double dt = 0.1, double durationMs = 100)
        => new(name, new SpikeRecord(steps, neurons, dt, size, size, durationMs));

    [Fact]
    public void RasterSharesItsRowsInProportionToPopulationSize()
    {
        var spikes = new[]
        {
            Population("exc", 3200, [1, 2, 3], [0, 159, 160]),
            Population("inh", 800, [4, 5], [39, 40]),
        };

        var points = ResultPlots.RasterPoints(spikes, 200);

        Assert.Equal([160, 40], points.Select(p => p.Shown));
        Assert.Equal([0.0, 159.0], points[0].Rows);   // neuron 160 is not shown
        Assert.Equal([160.0 + 39], points[1].Rows);   // inhibitory rows start above the excitatory ones
        AssertClose([0.4], points[1].Times);
    }

    [Fact]
    public void PopulationRateCountsSpikesPerBin()
    {
        // 10 neurons, dt 0.1 ms, 1 ms bins: two spikes closing steps 0 and 9 fall in bin 0, one in bin 3.
        var spikes = Population("exc", 10, [1, 10, 35], [0, 1, 2], durationMs: 5);

        var (times, rates) = ResultPlots.PopulationRate(spikes, 5, 1);

        AssertClose([0.5, 1.5, 2.5, 3.5, 4.5], times);
        AssertClose([200.0, 0, 0, 100, 0], rates);  // 2 spikes / (10 neurons · 1 ms) = 200 Hz
    }

    /// <summary>A study's plot is rewritten by every run: the new PNG replaces the old one whole.</summary>
    [Fact]
    public void APlotWrittenOverAnOlderOneReplacesItWhole()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "spectrum.png");
        AnalysisPlots.Spectrum(path, [1, 4, 2, 8], "before");

        ReplacedFile.AssertReplacedWhole(path, () => AnalysisPlots.Spectrum(path, [3, 1, 5, 1, 2], "after"));

        Assert.Equal(PngSignature, File.ReadAllBytes(path)[..PngSignature.Length]);
    }

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 9);
        }
    }
}
