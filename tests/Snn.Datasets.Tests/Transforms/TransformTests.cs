using Snn.Datasets.Transforms;

namespace Snn.Datasets.Tests.Transforms;

public sealed class TransformTests
{
    private static readonly SensorSize Small = new(4, 3, 2);

    private static EventSample Sample(params SpikeEvent[] events) => new(events, Small, label: 1, "test");

    [Fact]
    public void FramesCountEventsPerBinPolarityAndPixel()
    {
        var sample = Sample(new(0, 1, 2, true), new(999, 1, 2, true), new(1000, 3, 0, false), new(2500, 0, 0, true));
        var frames = EventBinning.ToFrames(sample, binUs: 1000);
        Assert.Equal([3, 2, 3, 4], frames.Shape);
        Assert.Equal(2f, frames[0, 1, 2, 1]);
        Assert.Equal(1f, frames[1, 0, 0, 3]);
        Assert.Equal(1f, frames[2, 1, 0, 0]);
        Assert.Equal(4, frames.Sum());
        Assert.Equal(2, EventBinning.ToFrames(sample, 1000, bins: 1).Sum());
    }

    [Fact]
    public void StepTensorMarksStepsWithAtLeastOneSpike()
    {
        var sample = Sample(new(0, 0, 0, false), new(50, 0, 0, false), new(150, 1, 0, false));
        var tensor = EventBinning.ToStepTensor(sample, dtMs: 0.1, steps: 3);
        Assert.Equal([3, 24], tensor.Shape);
        Assert.Equal(1f, tensor[0, 0]);
        Assert.Equal(1f, tensor[1, 1]);
        Assert.Equal(2, tensor.Sum());
    }

    [Fact]
    public void StepTensorFromSpikeTrainsUsesFloorOfTimeOverDt()
    {
        var trains = new SpikeTrains([[0.0, 0.25], [0.95]], durationMs: 1);
        var tensor = EventBinning.ToStepTensor(trains, dtMs: 0.5);
        Assert.Equal([2, 2], tensor.Shape);
        Assert.Equal(1f, tensor[0, 0]);
        Assert.Equal(1f, tensor[1, 1]);
        Assert.Equal(2, tensor.Sum());
    }

    [Fact]
    public void DownsamplingMapsPixelsAndShrinksTheSensor()
    {
        var result = SpatialDownsample.Apply(Sample(new(5, 3, 2, true), new(6, 2, 1, false)), 2, 2);
        Assert.Equal(new SensorSize(2, 2, 2), result.Sensor);
        Assert.Equal([new SpikeEvent(5, 1, 1, true), new SpikeEvent(6, 1, 0, false)], result.Events);
    }

    [Fact]
    public void ChannelPoolingTurnsSevenHundredChannelsIntoOneHundredForty()
    {
        var sample = new EventSample([new(1, 0), new(2, 4), new(3, 5), new(4, 699)], SensorSize.Heidelberg, 0);
        var pooled = ChannelPooling.Apply(sample, 5);
        Assert.Equal(140, pooled.Sensor.Channels);
        Assert.Equal([0, 0, 1, 139], pooled.Events.Select(e => e.X));
        Assert.Throws<ArgumentException>(() => ChannelPooling.Apply(Sample(), 2));
    }

    [Fact]
    public void SpatialCropKeepsAndShiftsEventsInsideTheRectangle()
    {
        var cropped = Crop.Spatial(Sample(new(1, 0, 0, true), new(2, 2, 1, true), new(3, 3, 2, false)), 1, 1, 2, 2);
        Assert.Equal(new SensorSize(2, 2, 2), cropped.Sensor);
        Assert.Equal([new SpikeEvent(2, 1, 0, true)], cropped.Events);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Crop.Spatial(Sample(), 1, 0, 4, 1));
        Assert.Equal("width", e.ParamName);
        Assert.Contains("[1, 3]", e.Message);
    }

    [Fact]
    public void TimeCropKeepsTheWindowAndRestartsTheClock()
    {
        var cropped = Crop.Time(Sample(new(10, 0, 0), new(20, 1, 0), new(30, 2, 0)), 15, 30);
        Assert.Equal([new SpikeEvent(5, 1, 0)], cropped.Events);
    }

    [Fact]
    public void RefractoryFilterDropsEventsTooSoonAfterAKeptOneOnThePixel()
    {
        var filtered = Denoise.Refractory(Sample(new(0, 1, 1, true), new(5, 1, 1, false), new(10, 1, 1, true), new(12, 2, 1, true)), 10);
        Assert.Equal([0L, 10L, 12L], filtered.Events.Select(e => e.TimeUs));
    }

    [Fact]
    public void BackgroundActivityFilterRemovesIsolatedEvents()
    {
        var sample = Sample(new(0, 0, 0), new(5, 1, 1), new(100, 3, 2), new(200, 2, 1), new(500, 3, 2));
        var filtered = Denoise.BackgroundActivity(sample, filterTimeUs: 150);
        Assert.Equal([5L, 200L], filtered.Events.Select(e => e.TimeUs));
    }

    [Fact]
    public void TimeJitterIsReproducibleKeepsEveryEventAndStaysSorted()
    {
        var events = Enumerable.Range(0, 200).Select(i => new SpikeEvent(i * 10, i % 4, i % 3)).ToArray();
        var a = Augment.TimeJitter(Sample(events), 20, new RandomSource(9), 2);
        var b = Augment.TimeJitter(Sample(events), 20, new RandomSource(9), 2);
        Assert.Equal(a.Events, b.Events);
        Assert.Equal(200, a.Events.Length);
        Assert.NotEqual(events, a.Events);
        Assert.All(a.Events, e => Assert.True(e.TimeUs >= 0));
        Assert.Equal(a.Events.Select(e => e.TimeUs).Order(), a.Events.Select(e => e.TimeUs));
    }

    [Fact]
    public void ChannelDropRemovesWholeChannelsAtAboutTheGivenRate()
    {
        var sensor = new SensorSize(1000, 1, 1);
        var events = Enumerable.Range(0, 1000).SelectMany(c => new[] { new SpikeEvent(0, c), new SpikeEvent(0, c) }).ToArray();
        var kept = Augment.DropChannels(new EventSample(events, sensor, 0), 0.3, new RandomSource(4));
        int channels = kept.Events.Select(e => e.X).Distinct().Count();
        Assert.Equal(2 * channels, kept.Events.Length);
        Assert.InRange(channels, 700 - 5 * 14.5, 700 + 5 * 14.5);
        Assert.Equal(events, Augment.DropChannels(new EventSample(events, sensor, 0), 0, new RandomSource(4)).Events);
    }

    [Fact]
    public void EventSampleRejectsEventsOffTheSensorOrOutOfOrder()
    {
        var off = Assert.Throws<ArgumentOutOfRangeException>(() => Sample(new SpikeEvent(0, 4, 0)));
        Assert.Contains("4x3x2", off.Message);
        var order = Assert.Throws<ArgumentException>(() => Sample(new SpikeEvent(5, 0, 0), new SpikeEvent(4, 0, 0)));
        Assert.Contains("time order", order.Message);
    }

    [Fact]
    public void ChannelNumberingIsPolarityMajorThenRowThenColumn()
    {
        Assert.Equal(0, Small.ChannelOf(new SpikeEvent(0, 0, 0, false)));
        Assert.Equal(2 * 4 + 3, Small.ChannelOf(new SpikeEvent(0, 3, 2, false)));
        Assert.Equal(12 + 2 * 4 + 3, Small.ChannelOf(new SpikeEvent(0, 3, 2, true)));
        Assert.Equal(5, SensorSize.Heidelberg.ChannelOf(new SpikeEvent(0, 5, 0, false)));
    }
}
