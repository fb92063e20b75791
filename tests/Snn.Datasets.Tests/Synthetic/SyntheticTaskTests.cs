using Snn.Datasets.Encoders;
using Snn.Datasets.Synthetic;

namespace Snn.Datasets.Tests.Synthetic;

public sealed class SyntheticTaskTests
{
    [Fact]
    public void TemporalPatternClassesHaveEqualCountsAndDifferOnlyInTiming()
    {
        var task = new TemporalPatternTask(channels: 20, classes: 3, durationMs: 50, jitterMs: 1, new RandomSource(12));
        var samples = task.Generate(9);
        Assert.Equal([0, 1, 2, 0, 1, 2, 0, 1, 2], samples.Select(s => s.Label));
        foreach (var sample in samples)
        {
            for (int c = 0; c < 20; c++)
            {
                Assert.Single(sample.Trains.TimesOf(c).ToArray());
            }
        }
        double difference = 0;
        for (int c = 0; c < 20; c++)
        {
            difference += Math.Abs(task.Template(0)[c] - task.Template(1)[c]);
        }
        Assert.True(difference / 20 > 5, "templates of different classes should differ in timing");
        Assert.InRange(samples[3].Trains.TimesOf(0)[0] - task.Template(0)[0], -5, 5);
        Assert.Equal(task.Sample(4).Trains.ToArray(), new TemporalPatternTask(20, 3, 50, 1, new RandomSource(12)).Sample(4).Trains.ToArray());
    }

    [Fact]
    public void DelayedXorCoversTheTruthTableWithCuesSeparatedByTheDelay()
    {
        var task = new DelayedXorTask(delayMs: 30, channelsPerGroup: 2, jitterMs: 0, responseWindowMs: 10, new RandomSource(1));
        var samples = task.Generate(4);
        Assert.Equal([0, 1, 1, 0], samples.Select(s => s.Label));
        var s3 = samples[3].Trains;
        Assert.Equal(8, s3.Channels);
        Assert.Equal(40, s3.DurationMs);
        Assert.Empty(s3.TimesOf(0).ToArray());
        Assert.Equal([0.0], s3.TimesOf(2).ToArray());
        Assert.Equal([30.0], s3.TimesOf(6).ToArray());
        Assert.Equal(4, s3.Count);
    }

    [Fact]
    public void BarImagesHaveAFullIntensityLineOfTheirClass()
    {
        var images = SyntheticImages.Bars(size: 8, count: 8, noise: 0.2, new RandomSource(2));
        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 3], images.Select(i => i.Label));
        var diagonal = images[2];
        for (int k = 0; k < 8; k++)
        {
            Assert.Equal(255, diagonal.Pixels[k * 8 + k]);
        }
        Assert.All(images[0].Pixels, p => Assert.True(p == 255 || p <= 51));
        Assert.Equal(8, images[0].Pixels.Count(p => p == 255));
    }

    [Fact]
    public void SpikingImagesUseTheEncoderPerImage()
    {
        var images = SyntheticImages.Bars(6, 4, 0, new RandomSource(3));
        var spiking = SyntheticImages.Encode(images, new LatencyEncoder(20));
        Assert.Equal(4, spiking.Length);
        Assert.Equal(36, spiking[0].Trains.Channels);
        Assert.Equal(6, spiking[1].Trains.Count);
        Assert.Equal(images[1].Label, spiking[1].Label);
    }
}
