using Snn.Core;
using Snn.Datasets.Encoders;

namespace Snn.Datasets.Tests.Encoders;

public sealed class EncoderTests
{
    private static float[] Constant(int n, float value)
    {
        var values = new float[n];
        Array.Fill(values, value);
        return values;
    }

    [Fact]
    public void PoissonCountsMatchTheRateWithinFiveStandardDeviations()
    {
        var encoder = new PoissonEncoder(maxRateHz: 100, durationMs: 200, new RandomSource(7));
        var trains = encoder.Encode(Constant(1000, 0.5f));
        double expected = 1000 * 50.0 * 0.2;
        Assert.InRange(trains.Count, expected - 5 * Math.Sqrt(expected), expected + 5 * Math.Sqrt(expected));
    }

    [Fact]
    public void PoissonCountVarianceEqualsItsMean()
    {
        var trains = new PoissonEncoder(100, 100, new RandomSource(11)).Encode(Constant(2000, 1f));
        double mean = 0, square = 0;
        for (int c = 0; c < trains.Channels; c++)
        {
            int n = trains.TimesOf(c).Length;
            mean += n;
            square += (double)n * n;
        }
        mean /= trains.Channels;
        double variance = square / trains.Channels - mean * mean;
        Assert.InRange(mean, 9.5, 10.5);
        Assert.InRange(variance / mean, 0.85, 1.15);
    }

    [Fact]
    public void PoissonTimesAreSortedInsideTheWindowAndZeroIntensityIsSilent()
    {
        var trains = new PoissonEncoder(500, 50, new RandomSource(3)).Encode([0f, 1f]);
        Assert.Empty(trains.TimesOf(0).ToArray());
        var times = trains.TimesOf(1).ToArray();
        Assert.NotEmpty(times);
        Assert.Equal(times.Order(), times);
        Assert.All(times, t => Assert.InRange(t, 0, 50));
    }

    [Fact]
    public void SameSeedAndSampleReproduceTheSpikesAndOtherSamplesDiffer()
    {
        var a = new PoissonEncoder(200, 100, new RandomSource(42, stream: 1));
        var b = new PoissonEncoder(200, 100, new RandomSource(42, stream: 1));
        var values = Constant(20, 0.7f);
        Assert.Equal(a.Encode(values, sample: 3).ToArray(), b.Encode(values, sample: 3).ToArray());
        Assert.NotEqual(a.Encode(values, sample: 3).ToArray(), a.Encode(values, sample: 4).ToArray());
        Assert.NotEqual(a.Encode(values, 3).ToArray(), new PoissonEncoder(200, 100, new RandomSource(42, stream: 2)).Encode(values, 3).ToArray());
    }

    [Fact]
    public void BernoulliFiresWithTheGivenProbabilityPerStepOnTheGrid()
    {
        var encoder = new BernoulliEncoder(dtMs: 0.5, steps: 1000, new RandomSource(5), probabilityScale: 0.6);
        var trains = encoder.Encode(Constant(100, 0.5f));
        double p = 0.3, n = 100 * 1000;
        double sd = Math.Sqrt(n * p * (1 - p));
        Assert.InRange(trains.Count, n * p - 5 * sd, n * p + 5 * sd);
        Assert.Equal(500, trains.DurationMs);
        foreach (double t in trains.TimesOf(0))
        {
            Assert.Equal(0, t % 0.5, 12);
            Assert.InRange(t, 0, 499.5);
        }
        var full = new BernoulliEncoder(1, 10, new RandomSource(5)).Encode([1f]);
        Assert.Equal(Enumerable.Range(0, 10).Select(k => (double)k), full.TimesOf(0).ToArray());
    }

    [Theory]
    [InlineData(LatencyMode.Linear)]
    [InlineData(LatencyMode.Logarithmic)]
    public void LatencyIsStrictlyEarlierForBrighterValues(LatencyMode mode)
    {
        var encoder = new LatencyEncoder(durationMs: 50, mode, threshold: 0.2, tauMs: 10);
        double previous = double.PositiveInfinity;
        for (int i = 1; i <= 100; i++)
        {
            double x = i / 100.0;
            double? t = encoder.SpikeTime(x);
            if (x <= 0.2)
            {
                Assert.Null(t);
                continue;
            }
            if (t is double time)
            {
                Assert.True(time < previous, $"t({x}) = {time} is not earlier than {previous}");
                previous = time;
            }
        }
        Assert.True(double.IsFinite(previous));
    }

    [Fact]
    public void LinearLatencyMapsFullIntensityToZeroAndEmitsOneSpikePerChannel()
    {
        var trains = new LatencyEncoder(40).Encode([1f, 0.5f, 0f]);
        Assert.Equal([0.0], trains.TimesOf(0).ToArray());
        Assert.Equal([20.0], trains.TimesOf(1).ToArray());
        Assert.Empty(trains.TimesOf(2).ToArray());
    }

    [Fact]
    public void DeltaSendsOnAndOffEventsWhenTheSignalMovesByTheThreshold()
    {
        var trains = new DeltaEncoder(thresholdUp: 0.5, sampleIntervalMs: 2).Encode([[0f, 0.5f, 1.2f, 1.0f, 0.2f]]);
        Assert.Equal(2, trains.Channels);
        Assert.Equal([2.0, 4.0], trains.TimesOf(0).ToArray());
        Assert.Equal([8.0], trains.TimesOf(1).ToArray());
        Assert.Equal(8, trains.DurationMs);
    }

    [Fact]
    public void DeltaOfAConstantSignalIsSilent()
    {
        Assert.Equal(0, new DeltaEncoder(0.1, 1).Encode([Enumerable.Repeat(3f, 50).ToArray(), Enumerable.Repeat(-1f, 50).ToArray()]).Count);
    }

    [Fact]
    public void PopulationCodeFiresTheMatchingFieldFirstAndNeighboursSymmetrically()
    {
        var encoder = new PopulationEncoder(neuronsPerValue: 7, min: 0, max: 1, durationMs: 10);
        double centre = encoder.Centre(3);
        Assert.Equal(0.5, centre, 12);
        var trains = encoder.Encode([(float)centre]);
        Assert.Equal(7, trains.Channels);
        Assert.Equal([0.0], trains.TimesOf(3).ToArray());
        Assert.Equal(trains.TimesOf(2)[0], trains.TimesOf(4)[0], 9);
        Assert.True(trains.TimesOf(2)[0] > 0);
        Assert.Empty(trains.TimesOf(1).ToArray());
        Assert.Empty(trains.TimesOf(5).ToArray());
        var wide = new PopulationEncoder(7, 0, 1, 10, minActivation: 0.001).Encode([(float)centre]);
        Assert.True(wide.TimesOf(2)[0] < wide.TimesOf(1)[0]);
        Assert.Equal(14, encoder.OutputChannels(2));
    }

    [Fact]
    public void InvalidEncoderArgumentsNameTheParameterValueAndRange()
    {
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => new PoissonEncoder(-1, 10, new RandomSource(0)));
        Assert.Equal("maxRateHz", rate.ParamName);
        Assert.Contains("-1", rate.Message);
        Assert.Contains("[0, 10000]", rate.Message);

        var value = Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyEncoder(10).Encode([0.2f, 0.4f, 1.5f]));
        Assert.Contains("values[2] = 1.5 must be in [0, 1]", value.Message);

        var scale = Assert.Throws<ArgumentOutOfRangeException>(() => new BernoulliEncoder(0.1, 10, new RandomSource(0), probabilityScale: 2));
        Assert.Equal("probabilityScale", scale.ParamName);

        var fields = Assert.Throws<ArgumentOutOfRangeException>(() => new PopulationEncoder(2, 0, 1, 10));
        Assert.Equal("neuronsPerValue", fields.ParamName);

        var range = Assert.Throws<ArgumentOutOfRangeException>(() => new PopulationEncoder(5, 1, 1, 10));
        Assert.Equal("max", range.ParamName);

        var ragged = Assert.Throws<ArgumentException>(() => new DeltaEncoder(1, 1).Encode([[1f, 2f], [1f]]));
        Assert.Equal("signals", ragged.ParamName);
    }

    [Fact]
    public void EncodedTrainsFeedANetworkSpikeSourceShiftedByOneStep()
    {
        var network = new Network(seed: 1, dt: 0.1);
        var trains = new LatencyEncoder(10).Encode([1f, 0.5f]);
        var source = network.AddSpikeSource("input", trains);
        Assert.Equal(2, source.Size);
        Assert.Equal([0.1], source.TimesOf(0).ToArray());
        Assert.Equal(5.1, source.TimesOf(1)[0], 12);
    }
}
